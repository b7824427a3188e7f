package io.gatehouse.customer;

import java.util.Map;

import io.gatehouse.account.Account;
import io.gatehouse.audit.AuditEventType;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.auth.Caller;
import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import io.gatehouse.ratelimit.Limit;
import io.gatehouse.ratelimit.RateLimitProperties;
import io.gatehouse.ratelimit.RateLimiter;
import io.gatehouse.ratelimit.Verdict;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Step-up for the PIN, which confirms payments: the first PIN needs only the session,
 * changing it needs the current PIN as well, so a 15-minute access token alone cannot
 * take over payments. A missing or wrong current PIN is 403 {@code pin-invalid} and
 * counts against the user's failure limit (a success clears it); the limit's permit is
 * taken before the slow hash, so concurrent guesses get no more tries than it allows.
 * Missing and wrong cost the same Argon2id verification, so the time of the answer tells
 * nothing either.
 */
@Component
class PinChange {

	private final PinHashes pins;

	private final PasswordEncoder hashing;

	private final RateLimiter limiter;

	private final Limit failuresPerUser;

	private final AuditLog audit;

	PinChange(PinHashes pins, PasswordEncoder hashing, RateLimiter limiter, RateLimitProperties limits,
			AuditLog audit) {
		this.pins = pins;
		this.hashing = hashing;
		this.limiter = limiter;
		this.failuresPerUser = limits.pinFailuresPerUser();
		this.audit = audit;
	}

	/** 429 when the user has used up their failed PIN checks (no permit taken). */
	void checkLimit(Caller caller, HttpServletRequest request) {
		if (caller.username() != null) {
			refuseIfExhausted(this.limiter.peek(key(caller.username()), this.failuresPerUser), caller, request);
		}
	}

	/**
	 * Sets the first PIN, or changes it when {@code currentPin} proves the current one.
	 */
	void set(Account account, Caller caller, String pin, String currentPin, HttpServletRequest request) {
		PinHashes.Pin stored = this.pins.find(account.id())
			.orElseThrow(() -> new ApiException(ErrorCode.CUSTOMER_REQUIRED, "no customer profile yet"));
		if (!stored.isSet()) {
			if (this.pins.setFirst(account.id(), this.hashing.encode(pin))) {
				this.audit.record(AuditEventType.PIN_SET, request, caller.subject(), caller.sessionId(), Map.of());
				return;
			}
			// Another request set the first PIN a moment ago: this one is now a change.
			stored = this.pins.find(account.id()).orElseThrow();
		}
		verifyCurrent(caller, currentPin, stored.hash(), request);
		if (!this.pins.replace(account.id(), stored.hash(), this.hashing.encode(pin))) {
			reject(caller, "changed-meanwhile", request);
		}
		this.audit.record(AuditEventType.PIN_CHANGED, request, caller.subject(), caller.sessionId(), Map.of());
	}

	private void verifyCurrent(Caller caller, String currentPin, String hash, HttpServletRequest request) {
		String key = key(caller.username());
		refuseIfExhausted(this.limiter.consume(key, this.failuresPerUser), caller, request);
		// A missing PIN is checked like a wrong one: the same hash, the same time.
		boolean matches;
		try {
			matches = this.hashing.matches((currentPin != null) ? currentPin : "", hash);
		}
		catch (RuntimeException ex) {
			// Never checked (hashing overloaded, 503): it does not count as a failure.
			this.limiter.refund(key, this.failuresPerUser);
			throw ex;
		}
		if (!matches) {
			reject(caller, (currentPin == null || currentPin.isEmpty()) ? "current-pin-missing" : "current-pin-wrong",
					request);
		}
		this.limiter.reset(key);
	}

	private void refuseIfExhausted(Verdict verdict, Caller caller, HttpServletRequest request) {
		if (!verdict.allowed()) {
			this.audit.record(AuditEventType.PIN_REJECTED, request, caller.subject(), caller.sessionId(),
					Map.of("reason", "rate-limited"));
			throw ApiException.retryAfter(ErrorCode.RATE_LIMITED, verdict.retryAfter());
		}
	}

	private void reject(Caller caller, String reason, HttpServletRequest request) {
		this.audit.record(AuditEventType.PIN_REJECTED, request, caller.subject(), caller.sessionId(),
				Map.of("reason", reason));
		throw new ApiException(ErrorCode.PIN_INVALID, reason);
	}

	private static String key(String username) {
		return "pin-user:" + username;
	}

}
