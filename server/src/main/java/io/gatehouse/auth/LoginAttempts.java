package io.gatehouse.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import io.gatehouse.account.Account;
import io.gatehouse.account.AccountRepository;
import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import io.gatehouse.ratelimit.Limit;
import io.gatehouse.ratelimit.RateLimitProperties;
import io.gatehouse.ratelimit.RateLimiter;
import io.gatehouse.ratelimit.Verdict;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a password under the failed-login limits: per client address (a high cap, so one
 * office behind a NAT is not locked out) and per username. Only failures count, and a
 * success clears the username's count. An unknown user costs the same Argon2id
 * verification as a known one (against a hash made at start), and both answer the same
 * {@code invalid-credentials}, so neither the answer nor its time tells them apart.
 */
@Component
class LoginAttempts {

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final RateLimiter limiter;

	private final Limit perUsername;

	private final Limit perAddress;

	private final String dummyHash;

	LoginAttempts(AccountRepository accounts, PasswordEncoder passwords, RateLimiter limiter,
			RateLimitProperties limits) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.limiter = limiter;
		this.perUsername = limits.loginFailuresPerUsername();
		this.perAddress = limits.loginFailuresPerAddress();
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		this.dummyHash = passwords.encode(Base64.getEncoder().encodeToString(random));
	}

	/** 429 when this address has used up its failed logins. */
	void checkAddress(String address) {
		refuseIfExhausted(this.limiter.peek(addressKey(address), this.perAddress));
	}

	/**
	 * The account, when the password is right and the username's failures allow a try.
	 * The permits of both buckets are taken before the (slow) hash, not after it, so of
	 * many concurrent guesses no more are tried than the limits allow; a success gives
	 * the address's permit back and clears the username's bucket, so only failures count.
	 * @param username the normalised username, or {@code null} when the input was no
	 * valid username (no account can have it)
	 */
	Account authenticate(String address, String username, String password) {
		refuseIfExhausted(this.limiter.consume(addressKey(address), this.perAddress));
		if (username != null) {
			Verdict verdict = this.limiter.consume(usernameKey(username), this.perUsername);
			if (!verdict.allowed()) {
				this.limiter.refund(addressKey(address), this.perAddress);
				refuseIfExhausted(verdict);
			}
		}
		Optional<Account> account = (username != null) ? this.accounts.findByUsername(username) : Optional.empty();
		String hash = account.map(Account::passwordHash).orElse(this.dummyHash);
		boolean matches = this.passwords.matches(password, hash);
		if (account.isPresent() && matches) {
			this.limiter.reset(usernameKey(username));
			this.limiter.refund(addressKey(address), this.perAddress);
			return account.get();
		}
		throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "login failed");
	}

	private static void refuseIfExhausted(Verdict verdict) {
		if (!verdict.allowed()) {
			throw ApiException.retryAfter(ErrorCode.RATE_LIMITED, verdict.retryAfter());
		}
	}

	private static String addressKey(String address) {
		return "login-address:" + address;
	}

	private static String usernameKey(String username) {
		return "login-user:" + username;
	}

}
