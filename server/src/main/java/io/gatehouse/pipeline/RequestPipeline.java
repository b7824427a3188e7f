package io.gatehouse.pipeline;

import java.time.Clock;
import java.util.List;

import io.gatehouse.appsig.AppSignatureFilter;
import io.gatehouse.config.GatehouseProperties;
import io.gatehouse.csrf.CsrfTokenFilter;
import io.gatehouse.customer.UsernameCheck;
import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import io.gatehouse.errors.ProblemWriter;
import io.gatehouse.request.RequestIdFilter;
import io.gatehouse.request.ServedOverTls;
import io.gatehouse.routes.ApiRoutes;
import io.gatehouse.tracing.TraceparentResponseFilter;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.OAuth2ProtectedResourceMetadataFilter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every step of a request, registered and ordered here, top to bottom in the order of
 * docs/contract.md §1: container, trace and request id, firewall, app signature (1)–(2),
 * bearer (3), CSRF (4), body size and media type (5), routing. No other class sets a
 * filter's order (Boot's HTTP observation filter keeps Boot's, HIGHEST_PRECEDENCE + 1).
 *
 * <p>
 * The steps are servlet filters and one Spring Security chain between them: Boot's
 * observation filter, the request-id and traceparent filters, the chain (firewall, app
 * signature, bearer, CSRF) at Boot's security order, the 413 and 415 filters right after
 * it, then Spring MVC. The app signature and CSRF filters are beans that Boot would also
 * add to the container's chain on their own; their registrations here are disabled so
 * each runs once, inside the security chain. Each step is its own filter reading only the
 * request and {@code request/RequestAttributes}, so the steps from the firewall to the
 * media type can later run as one pass without changing what each checks.
 */
@Configuration(proxyBeanMethods = false)
class RequestPipeline {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** Before Actuator's handler mappings, which Boot orders at -100. */
	private static final int APPLICATION_ROUTES_ORDER = -200;

	/** The token grants of docs/contract.md §2, which need no bearer token. */
	private static final RequestMatcher TOKEN_GRANTS = ApiRoutes.tokenGrants();

	// Container: what Tomcat refuses before any filter runs.

	/**
	 * Swaps Tomcat's error report valve (Boot adds one that writes terse HTML) for ours,
	 * once the host's pipeline is complete, just before the application starts.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerProblems(ProblemWriter problems) {
		return (factory) -> factory.addContextCustomizers((context) -> context.addLifecycleListener((event) -> {
			if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
				Pipeline pipeline = context.getParent().getPipeline();
				for (Valve valve : pipeline.getValves()) {
					if (valve instanceof ErrorReportValve) {
						pipeline.removeValve(valve);
					}
				}
				pipeline.addValve(new ContainerProblemValve(problems));
			}
		}));
	}

	// Trace, then request id: Boot's ServerHttpObservationFilter (HIGHEST_PRECEDENCE + 1)
	// continues the client's traceparent or starts a trace; the request-id filter and the
	// traceparent header run inside it, so the access-log line carries the trace id.

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter(Clock clock) {
		return onRequestsOnly(new RequestIdFilter(clock), Ordered.HIGHEST_PRECEDENCE + 2);
	}

	@Bean
	FilterRegistrationBean<TraceparentResponseFilter> traceparentResponseFilter(ObjectProvider<Tracer> tracer) {
		return onRequestsOnly(new TraceparentResponseFilter(tracer.getIfAvailable(() -> Tracer.NOOP)),
				Ordered.HIGHEST_PRECEDENCE + 3);
	}

	// Firewall: the security chain's first act; what it refuses is answered here.

	@Bean
	RequestRejectedHandler firewallProblems(ProblemWriter problems) {
		return new FirewallProblems(problems);
	}

	/** Spring Security's strict firewall, its header checks written without regexes. */
	@Bean
	HttpFirewall firewall() {
		return FirewallCharacters.firewall();
	}

	// App signature (1)–(2), bearer (3), CSRF (4): the security chain, at Boot's
	// security filter order.

	/**
	 * Spring's own CSRF protection is off: it defends cookie sessions, and Gatehouse has
	 * none; the header token of docs/contract.md §2 replaces it.
	 */
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
			// No request wrapper answering getUserPrincipal() and isUserInRole(): the
			// controllers take the caller from the security context
			// (@AuthenticationPrincipal), and the wrapper sat under every later call on
			// the request.
			.servletApi(AbstractHttpConfigurer::disable)
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
		return withoutResourceMetadata(http.build());
	}

	/**
	 * The chain without Spring Security's {@code OAuth2ProtectedResourceMetadataFilter},
	 * which its resource server adds to every chain, with no setting to leave it out. It
	 * answered {@code /.well-known/oauth-protected-resource} (and every path below it)
	 * with RFC 9728 metadata that docs/contract.md does not have and that was wrong for
	 * Gatehouse: {@code tls_client_certificate_bound_access_tokens: true} (no token here
	 * is bound to a client certificate) and a {@code resource} copied from the request's
	 * {@code Host}. Those paths now answer 404 {@code not-found}, like any path nothing
	 * serves, and no request pays the filter's path match (1.2 % of a JWKS answer's CPU,
	 * docs/benchmarks.md).
	 */
	private static SecurityFilterChain withoutResourceMetadata(DefaultSecurityFilterChain chain) {
		List<Filter> filters = chain.getFilters()
			.stream()
			.filter((filter) -> !(filter instanceof OAuth2ProtectedResourceMetadataFilter))
			.toList();
		return new DefaultSecurityFilterChain(chain.getRequestMatcher(), filters);
	}

	/**
	 * No Spring Security observations: they would wrap every filter of the chain, and
	 * every authentication and authorization, on every request, for spans and timers
	 * nobody reads (docs/benchmarks.md). Boot's HTTP request metrics and traces stay.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/** Inside the security chain only, never a second time as a plain servlet filter. */
	@Bean
	FilterRegistrationBean<AppSignatureFilter> appSignatureFilterRegistration(AppSignatureFilter filter) {
		return disabled(filter);
	}

	/**
	 * Inside the security chain only: in the container's chain it would run before
	 * authentication.
	 */
	@Bean
	FilterRegistrationBean<CsrfTokenFilter> csrfTokenFilterRegistration(CsrfTokenFilter filter) {
		return disabled(filter);
	}

	// Body size, then media type (5): right after the security chain, so signature,
	// bearer and CSRF failures answer first, and before Spring MVC, so 413 and 415 come
	// before 404 and 405.

	@Bean
	FilterRegistrationBean<PayloadTooLargeFilter> payloadTooLargeFilter(ProblemWriter problems,
			SecurityFilterProperties security) {
		return onRequestsOnly(new PayloadTooLargeFilter(problems), security.getOrder() + 1);
	}

	@Bean
	FilterRegistrationBean<UnsupportedMediaTypeFilter> unsupportedMediaTypeFilter(ProblemWriter problems,
			SecurityFilterProperties security) {
		return onRequestsOnly(new UnsupportedMediaTypeFilter(problems), security.getOrder() + 2);
	}

	// Routing: Spring MVC's DispatcherServlet, after every filter (404, 405, 406, then
	// the controllers of routes/ApiRoutes).

	/**
	 * The username check, the one route that is both hot and has a variable in its path,
	 * is looked up by {@link HotRouteHandlerMapping} and its answer written by
	 * {@link HotRouteAnswerWriter}: Spring MVC's outcome, without the generic machinery
	 * that costs more than the outcome (docs/benchmarks.md).
	 */
	@Bean
	WebMvcRegistrations hotRoute(JsonMapper jsonMapper) {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new HotRouteHandlerMapping(ApiRoutes.CHECK_USERNAME_ROUTE);
			}

			@Override
			public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
				return HotRouteAnswerWriter.firstInAdapter(UsernameCheck.class, jsonMapper);
			}
		};
	}

	/**
	 * The application's routes are looked up before Actuator's. Boot orders Actuator's
	 * handler mappings at -100, ahead of the application's (0), so where Actuator shares
	 * the application port (every profile but {@code prod}) each API request was first
	 * matched against every Actuator route, and missed: 3.5 % of a JWKS answer's CPU
	 * (decision 0013). No controller here maps a path under {@code /actuator}
	 * ({@code management/AppPortHealthController} exists only when Actuator has a port of
	 * its own, and then a dispatcher of its own too), so the order changes which mapping
	 * is asked first, never which one answers; a controller mapped there would shadow
	 * Actuator's endpoint of the same path.
	 */
	@Bean
	static BeanPostProcessor applicationRoutesFirst() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				// The application's mapping only: Actuator's (deprecated)
				// ControllerEndpointHandlerMapping is a RequestMappingHandlerMapping too.
				if (bean instanceof HotRouteHandlerMapping applicationRoutes) {
					applicationRoutes.setOrder(APPLICATION_ROUTES_ORDER);
				}
				return bean;
			}
		};
	}

	/**
	 * The token grants ignore an access token sent along (docs/contract.md §1 step (3)
	 * checks one only "where one is needed"): a client that refreshes with its expired
	 * token still attached gets new tokens, not 401 {@code invalid-token}, and a grant
	 * asks for no CSRF token. The app signature still binds the header through
	 * {@code ath}.
	 */
	private static BearerTokenResolver bearerTokenResolver() {
		BearerHeader resolver = new BearerHeader();
		return (request) -> TOKEN_GRANTS.matches(request) ? null : resolver.resolve(request);
	}

	/**
	 * A token that was sent but failed is {@code invalid-token}; no token is
	 * {@code missing-token}.
	 */
	private static ErrorCode codeFor(AuthenticationException failure) {
		return (failure instanceof OAuth2AuthenticationException) ? ErrorCode.INVALID_TOKEN : ErrorCode.MISSING_TOKEN;
	}

	/**
	 * A filter of the container's chain, run on a request's own dispatch and never again
	 * on its error, async, forward or include dispatches: what a
	 * {@code OncePerRequestFilter} under every dispatcher type (Boot's default for one)
	 * amounts to, without that class setting, reading and removing a request attribute of
	 * its own on every request (docs/benchmarks.md).
	 */
	private static <T extends Filter> FilterRegistrationBean<T> onRequestsOnly(T filter, int order) {
		FilterRegistrationBean<T> registration = new FilterRegistrationBean<>(filter);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setOrder(order);
		return registration;
	}

	private static <T extends Filter> FilterRegistrationBean<T> disabled(T filter) {
		FilterRegistrationBean<T> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

}
