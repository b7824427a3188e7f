package io.gatehouse.registration;

import java.util.Map;

import io.gatehouse.audit.AuditEventType;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.auth.Caller;
import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import io.gatehouse.ratelimit.Limit;
import io.gatehouse.ratelimit.RateLimitProperties;
import io.gatehouse.ratelimit.RateLimiter;
import io.gatehouse.ratelimit.Verdict;
import io.gatehouse.request.ClientAddressResolver;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Registration's budgets: per session (an honest one needs one registration, and a few
 * retries after a taken name or a bad field) and per client address (several people
 * behind one NAT), so minting guest sessions does not buy more. Every attempt counts:
 * each is a chance to create an account or, through {@code username-taken}, to test a
 * name.
 */
@Component
class RegistrationRateLimits {

	private final RateLimiter limiter;

	private final RateLimitProperties limits;

	private final ClientAddressResolver addresses;

	private final AuditLog audit;

	RegistrationRateLimits(RateLimiter limiter, RateLimitProperties limits, ClientAddressResolver addresses,
			AuditLog audit) {
		this.limiter = limiter;
		this.limits = limits;
		this.addresses = addresses;
		this.audit = audit;
	}

	/**
	 * Takes one registration from the caller's budgets, or throws 429 with Retry-After.
	 */
	void consume(Caller caller, HttpServletRequest request) {
		take(caller, request, "registrations-per-session", "register-session:" + caller.sessionId(),
				this.limits.registrationsPerSession());
		take(caller, request, "registrations-per-address", "register-address:" + this.addresses.resolve(request),
				this.limits.registrationsPerAddress());
	}

	private void take(Caller caller, HttpServletRequest request, String limitName, String key, Limit limit) {
		Verdict verdict = this.limiter.consume(key, limit);
		if (!verdict.allowed()) {
			this.audit.record(AuditEventType.RATE_LIMITED, request, caller.subject(), caller.sessionId(),
					Map.of("limit", limitName));
			throw ApiException.retryAfter(ErrorCode.RATE_LIMITED, verdict.retryAfter());
		}
	}

}
