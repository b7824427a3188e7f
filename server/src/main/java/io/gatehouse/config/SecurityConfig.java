package io.gatehouse.config;

import io.gatehouse.appsig.AppSignatureFilter;
import io.gatehouse.csrf.CsrfTokenFilter;
import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import io.gatehouse.errors.ProblemWriter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The filter chain, in the order CONTRACT §1 prescribes: (1–2) app headers and signature,
 * (3) the bearer token (Spring's resource server with our own {@link JwtDecoder}), (4)
 * the CSRF token, then MVC. Spring's own CSRF protection is off: it defends cookie
 * sessions, and Gatehouse has none; the header token of CONTRACT §2 replaces it.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, JwtDecoder jwtDecoder, ProblemWriter problems,
			AppSignatureFilter appSignatureFilter, CsrfTokenFilter csrfTokenFilter) throws Exception {
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
			.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers(HttpMethod.POST, "/api/auth/guest", "/api/auth/token", "/api/auth/refresh")
				.permitAll()
				.requestMatchers("/api/**")
				.authenticated()
				.anyRequest()
				.permitAll())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt((jwt) -> jwt.decoder(jwtDecoder))
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions((frame) -> frame.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.cacheControl((cache) -> cache.disable()));
		http.addFilterBefore(appSignatureFilter, BearerTokenAuthenticationFilter.class);
		http.addFilterAfter(csrfTokenFilter, BearerTokenAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * A token that was sent but failed is {@code invalid-token}; no token is
	 * {@code missing-token}.
	 */
	private static ErrorCode codeFor(AuthenticationException failure) {
		return (failure instanceof OAuth2AuthenticationException) ? ErrorCode.INVALID_TOKEN : ErrorCode.MISSING_TOKEN;
	}

}
