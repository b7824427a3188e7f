package io.gatehouse.auth;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.gatehouse.account.Account;
import io.gatehouse.account.AccountRepository;
import io.gatehouse.account.BoundedPasswordEncoder;
import io.gatehouse.account.HashingLane;
import io.gatehouse.account.Usernames;
import io.gatehouse.audit.AuditEventType;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import io.gatehouse.ratelimit.Limit;
import io.gatehouse.ratelimit.RateLimitProperties;
import io.gatehouse.ratelimit.RateLimiter;
import io.gatehouse.ratelimit.Verdict;
import io.gatehouse.request.ClientAddressResolver;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a password under the failed-login limits, so that guessing is slow and a
 * stranger still cannot lock a user out (docs/security.md, "Login limits").
 * <p>
 * An unknown client (no valid device token) counts its failures per client address, per
 * (username, address) and per username alone; the last has a much higher ceiling and is
 * the only one an attacker with many addresses runs into. A known device (a live device
 * token of the username, issued at an earlier login) counts only its own failures, so
 * nothing a stranger does refuses the user's own device; once it has used up its own
 * failures it counts as an unknown client. Only failures count: permits are taken before
 * the slow hash (so of many concurrent guesses no more are tried than the limits allow)
 * and given back on success or when the hash never ran.
 * <p>
 * An unknown user costs the same Argon2id verification as a known one (against a hash
 * made at start), and both answer the same {@code invalid-credentials}.
 */
@Component
class LoginAttempts {

	private final AccountRepository accounts;

	private final PasswordEncoder loginLane;

	private final PasswordEncoder deviceLane;

	private final RateLimiter limiter;

	private final RateLimitProperties limits;

	private final ClientAddressResolver addresses;

	private final DeviceTokens devices;

	private final AuditLog audit;

	private final String dummyHash;

	LoginAttempts(AccountRepository accounts, BoundedPasswordEncoder passwords, RateLimiter limiter,
			RateLimitProperties limits, ClientAddressResolver addresses, DeviceTokens devices, AuditLog audit) {
		this.accounts = accounts;
		this.loginLane = passwords.inLane(HashingLane.LOGIN);
		this.deviceLane = passwords.inLane(HashingLane.DEVICE_LOGIN);
		this.limiter = limiter;
		this.limits = limits;
		this.addresses = addresses;
		this.devices = devices;
		this.audit = audit;
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		this.dummyHash = passwords.encode(Base64.getEncoder().encodeToString(random));
	}

	/**
	 * Who is logging in; 429 when an unknown client's address has used up its failed
	 * logins. Runs before the request's fields are checked (docs/contract.md §1 order).
	 * @param username the username as sent (may be anything)
	 * @param deviceToken the device token as sent, or {@code null}
	 */
	LoginClient identify(HttpServletRequest request, String username, String deviceToken) {
		String address = this.addresses.resolve(request);
		Optional<String> device = this.devices.verify(normalized(username), deviceToken)
			.filter((id) -> this.limiter.peek(deviceKey(id), this.limits.loginFailuresPerDevice()).allowed());
		if (device.isPresent()) {
			return new LoginClient(address, device.get());
		}
		Verdict verdict = this.limiter.peek(addressKey(address), this.limits.loginFailuresPerAddress());
		if (!verdict.allowed()) {
			throw refused(request, null, AuditEventType.RATE_LIMITED, "login-failures-per-address", verdict);
		}
		return new LoginClient(address, null);
	}

	/**
	 * The account, when the password is right and the client's failures allow a try.
	 * @param username the normalised username, or {@code null} when the input was no
	 * valid username (no account can have it)
	 */
	Account authenticate(HttpServletRequest request, LoginClient client, String username, String password) {
		if (client.knownDevice()) {
			Permit permit = new Permit(deviceKey(client.deviceId()), this.limits.loginFailuresPerDevice());
			if (this.limiter.consume(permit.key(), permit.limit()).allowed()) {
				return verify(request, username, password, this.deviceLane, List.of(permit),
						List.of(permit.key(), pairKey(username, client.address())));
			}
			// The device used up its own failures: from here on it is an unknown client.
		}
		List<Permit> taken = new ArrayList<>();
		take(request, username, taken, AuditEventType.RATE_LIMITED, "login-failures-per-address",
				new Permit(addressKey(client.address()), this.limits.loginFailuresPerAddress()));
		if (username != null) {
			take(request, username, taken, AuditEventType.LOCKOUT, "login-failures-per-username-and-address",
					new Permit(pairKey(username, client.address()), this.limits.loginFailuresPerUsernameAndAddress()));
			take(request, username, taken, AuditEventType.LOCKOUT, "login-failures-per-username",
					new Permit(usernameKey(username), this.limits.loginFailuresPerUsername()));
		}
		List<String> clearedOnSuccess = (username != null) ? List.of(pairKey(username, client.address())) : List.of();
		return verify(request, username, password, this.loginLane, taken, clearedOnSuccess);
	}

	/** A new device token for the account that just logged in. */
	String newDeviceToken(Account account) {
		return this.devices.issue(account.username());
	}

	private Account verify(HttpServletRequest request, String username, String password, PasswordEncoder lane,
			List<Permit> taken, List<String> clearedOnSuccess) {
		Optional<Account> account = (username != null) ? this.accounts.findByUsername(username) : Optional.empty();
		String hash = account.map(Account::passwordHash).orElse(this.dummyHash);
		boolean matches;
		try {
			matches = lane.matches(password, hash);
		}
		catch (RuntimeException ex) {
			// The guess was never checked (hashing overloaded): it does not count.
			refund(taken);
			throw ex;
		}
		if (account.isPresent() && matches) {
			refund(taken);
			clearedOnSuccess.forEach(this.limiter::reset);
			this.audit.record(AuditEventType.LOGIN_SUCCEEDED, request, username, null,
					Map.of("device", (lane == this.deviceLane) ? "known" : "unknown"));
			return account.get();
		}
		this.audit.record(AuditEventType.LOGIN_FAILED, request, username, null,
				Map.of("reason", account.isPresent() ? "wrong-password" : "unknown-user"));
		throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "login failed");
	}

	private void take(HttpServletRequest request, String username, List<Permit> taken, AuditEventType type,
			String limitName, Permit permit) {
		Verdict verdict = this.limiter.consume(permit.key(), permit.limit());
		if (!verdict.allowed()) {
			refund(taken);
			throw refused(request, username, type, limitName, verdict);
		}
		taken.add(permit);
	}

	private void refund(List<Permit> taken) {
		taken.forEach((permit) -> this.limiter.refund(permit.key(), permit.limit()));
	}

	private ApiException refused(HttpServletRequest request, String username, AuditEventType type, String limitName,
			Verdict verdict) {
		this.audit.record(type, request, username, null, Map.of("limit", limitName));
		return ApiException.retryAfter(ErrorCode.RATE_LIMITED, verdict.retryAfter());
	}

	private static String normalized(String username) {
		return Usernames.normalize(username);
	}

	private static String addressKey(String address) {
		return "login-address:" + address;
	}

	private static String pairKey(String username, String address) {
		return "login-user-address:" + username + "|" + address;
	}

	private static String usernameKey(String username) {
		return "login-user:" + username;
	}

	private static String deviceKey(String deviceId) {
		return "login-device:" + deviceId;
	}

	/** A permit taken from one bucket, to give back when the attempt does not count. */
	private record Permit(String key, Limit limit) {
	}

}
