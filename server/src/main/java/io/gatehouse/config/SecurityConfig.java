package io.gatehouse.config;

import io.gatehouse.appsig.AppSignatureFilter;
import io.gatehouse.csrf.CsrfTokenFilter;
import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import io.gatehouse.errors.ProblemWriter;
import io.gatehouse.request.ServedOverTls;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The filter chain, in the order docs/contract.md §1 prescribes: (1–2) app headers and
 * signature, (3) the bearer token (Spring's resource server with our own
 * {@link JwtDecoder}), (4) the CSRF token, then MVC. Spring's own CSRF protection is off:
 * it defends cookie sessions, and Gatehouse has none; the header token of
 * docs/contract.md §2 replaces it.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** The token grants of docs/contract.md §2, which need no bearer token. */
	private static final RequestMatcher TOKEN_GRANTS = new OrRequestMatcher(
			PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/auth/guest"),
			PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/auth/token"),
			PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/auth/refresh"));

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, JwtDecoder jwtDecoder, ProblemWriter problems,
			AppSignatureFilter appSignatureFilter, CsrfTokenFilter csrfTokenFilter, GatehouseProperties properties)
			throws Exception {
		AuthenticationEntryPoint entryPoint = (request, response, failure) -> problems.write(request, response,
				new ApiException(codeFor(failure), "authentication failed"));
		AccessDeniedHandler accessDenied = (request, response, failure) -> problems.write(request, response,
				new ApiException(ErrorCode.FORBIDDEN, "access denied"));
		http.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((authorize) -> authorize.requestMatchers(TOKEN_GRANTS)
				.permitAll()
				.requestMatchers("/api/**")
				.authenticated()
				.anyRequest()
				.permitAll())
			.oauth2ResourceServer((resourceServer) -> resourceServer.bearerTokenResolver(bearerTokenResolver())
				.jwt((jwt) -> jwt.decoder(jwtDecoder))
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions((frame) -> frame.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.httpStrictTransportSecurity(
						(hsts) -> hsts.requestMatcher(new ServedOverTls(properties.trustedProxies())))
				.cacheControl((cache) -> cache.disable()));
		http.addFilterBefore(appSignatureFilter, BearerTokenAuthenticationFilter.class);
		http.addFilterAfter(csrfTokenFilter, BearerTokenAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * The token grants ignore an access token sent along (docs/contract.md §1 step (3)
	 * checks one only "where one is needed"): a client that refreshes with its expired
	 * token still attached gets new tokens, not 401 {@code invalid-token}, and a grant
	 * asks for no CSRF token. The app signature still binds the header through
	 * {@code ath}.
	 */
	private static BearerTokenResolver bearerTokenResolver() {
		DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
		return (request) -> TOKEN_GRANTS.matches(request) ? null : resolver.resolve(request);
	}

	/**
	 * A token that was sent but failed is {@code invalid-token}; no token is
	 * {@code missing-token}.
	 */
	private static ErrorCode codeFor(AuthenticationException failure) {
		return (failure instanceof OAuth2AuthenticationException) ? ErrorCode.INVALID_TOKEN : ErrorCode.MISSING_TOKEN;
	}

}
