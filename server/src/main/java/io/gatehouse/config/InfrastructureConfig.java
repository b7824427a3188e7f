package io.gatehouse.config;

import java.time.Clock;

import io.gatehouse.account.AccountRepository;
import io.gatehouse.account.DemoData;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.audit.ProblemAudit;
import io.gatehouse.errors.ProblemWriter;
import io.gatehouse.ratelimit.InMemoryRateLimiter;
import io.gatehouse.ratelimit.RateLimitProperties;
import io.gatehouse.ratelimit.RateLimiter;
import io.gatehouse.request.ClientAddressResolver;
import io.gatehouse.request.ContractLocales;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Beans every feature uses: clock, problem writer, locale, limits (hashing is
 * {@code account/HashingConfig}'s). The request pipeline's steps are registered by
 * {@code pipeline/RequestPipeline}.
 */
@Configuration(proxyBeanMethods = false)
class InfrastructureConfig {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Request bodies are read as sent: a number or boolean where a string belongs (a PIN
	 * of {@code 1234}, a phone of {@code 14155550100}) is not quietly turned into text,
	 * and a key given twice is not settled by whichever comes last (two parsers could
	 * disagree). Either is 400 {@code invalid-request}, like any unreadable body.
	 */
	@Bean
	JsonMapperBuilderCustomizer strictRequestBodies() {
		return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.withCoercionConfig(LogicalType.Textual,
					(text) -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

	/**
	 * JSON answers with a {@code Content-Length} (one socket write each, not a chunk and
	 * an end chunk), in the JSON converter's place among the server's converters (after
	 * the String and byte[] ones), with Boot's {@code JsonMapper} and its settings.
	 * Ordered after Boot's own customizer ({@code @Order(0)}), which sets the plain one.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	ServerHttpMessageConvertersCustomizer contentLengthJson(JsonMapper jsonMapper) {
		return (converters) -> converters.withJsonConverter(new ContentLengthJsonConverter(jsonMapper));
	}

	@Bean
	ProblemWriter problemWriter(MessageSource messageSource, JsonMapper jsonMapper, MeterRegistry meterRegistry,
			AuditLog auditLog) {
		return new ProblemWriter(messageSource, jsonMapper, meterRegistry, new ProblemAudit(auditLog));
	}

	@Bean
	LocaleResolver localeResolver() {
		return new ContractLocales();
	}

	@Bean
	ClientAddressResolver clientAddressResolver(GatehouseProperties properties) {
		return new ClientAddressResolver(properties.trustedProxies());
	}

	@Bean
	@Profile("!cluster")
	RateLimiter rateLimiter(RateLimitProperties limits) {
		return new InMemoryRateLimiter(1_000_000, limits.longestPeriod());
	}

	@Bean
	@ConditionalOnProperty(name = "gatehouse.demo-data", havingValue = "true")
	DemoData demoData(AccountRepository accounts, JdbcClient jdbc, PasswordEncoder passwordEncoder, Clock clock,
			TransactionTemplate transaction) {
		return new DemoData(accounts, jdbc, passwordEncoder, clock, transaction);
	}

}
