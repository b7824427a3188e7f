package io.gatehouse.account;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How password hashing is queued ({@code gatehouse.hashing.*}); see {@link HashingQueue}.
 *
 * @param threads hashes run at once; 0 means one per available core
 * @param maxWaitingRequests request threads that may wait for a hash at once (queued or
 * running); the next one is refused at once with 503
 * @param reservedForLogins of those, slots only logins may take
 * @param reservedForDeviceLogins of those, slots only logins with a device token may take
 * @param waitLimit how long a request waits for its hash to start before it gets 503
 * @param retryAfter the {@code Retry-After} of that 503
 */
@Validated
@ConfigurationProperties("gatehouse.hashing")
public record HashingProperties(@DefaultValue("0") @Min(0) int threads,
		@DefaultValue("16") @Min(1) int maxWaitingRequests, @DefaultValue("8") @Min(0) int reservedForLogins,
		@DefaultValue("4") @Min(0) int reservedForDeviceLogins, @DefaultValue("2s") @NotNull Duration waitLimit,
		@DefaultValue("2s") @NotNull Duration retryAfter) {

	/**
	 * Every lane keeps at least one slot, and the device lane's are inside the logins'.
	 */
	@AssertTrue(message = "need reserved-for-device-logins <= reserved-for-logins < max-waiting-requests")
	public boolean isReservationConsistent() {
		return this.reservedForDeviceLogins <= this.reservedForLogins
				&& this.reservedForLogins < this.maxWaitingRequests;
	}

	int effectiveThreads() {
		return (this.threads > 0) ? this.threads : Runtime.getRuntime().availableProcessors();
	}

}
