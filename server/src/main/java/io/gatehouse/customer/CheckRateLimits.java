package io.gatehouse.customer;

import io.gatehouse.auth.Caller;
import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import io.gatehouse.ratelimit.RateLimitProperties;
import io.gatehouse.ratelimit.RateLimiter;
import io.gatehouse.ratelimit.Verdict;
import io.gatehouse.request.ClientAddressResolver;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * The enumeration defence of the username check: a budget per session (small for guests,
 * who need only a few checks before they register or log in) and a larger one per client
 * address, so that minting new guest sessions does not buy more guesses.
 */
@Component
class CheckRateLimits {

	private final RateLimiter limiter;

	private final RateLimitProperties limits;

	private final ClientAddressResolver addresses;

	CheckRateLimits(RateLimiter limiter, RateLimitProperties limits, ClientAddressResolver addresses) {
		this.limiter = limiter;
		this.limits = limits;
		this.addresses = addresses;
	}

	/** Takes one check from the caller's budgets, or throws 429 with Retry-After. */
	void consume(Caller caller, HttpServletRequest request) {
		Verdict session = caller.isGuest()
				? this.limiter.consume("check-guest:" + caller.sessionId(), this.limits.checksPerGuestSession())
				: this.limiter.consume("check-user:" + caller.sessionId(), this.limits.checksPerUserSession());
		refuseIfLimited(session);
		refuseIfLimited(this.limiter.consume("check-address:" + this.addresses.resolve(request),
				this.limits.checksPerAddress()));
	}

	private static void refuseIfLimited(Verdict verdict) {
		if (!verdict.allowed()) {
			throw ApiException.retryAfter(ErrorCode.RATE_LIMITED, verdict.retryAfter());
		}
	}

}
