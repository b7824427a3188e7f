package io.gatehouse.request;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Access-log settings ({@code gatehouse.access-log.*}).
 *
 * @param flushInterval how long an access-log line may wait in memory before it reaches
 * the console: lines are written in batches, one system call for many, and at least this
 * often ({@link BatchedAccessLogConsole}). {@code 0} writes each line as it is logged. At
 * most 10 s: this is also what a hard crash (SIGKILL, an out-of-memory kill) can lose.
 */
@Validated
@ConfigurationProperties("gatehouse.access-log")
public record AccessLogProperties(@DefaultValue("100ms") Duration flushInterval) {

	@AssertTrue(message = "must be between 0 and 10s")
	boolean isFlushIntervalInRange() {
		return !this.flushInterval.isNegative() && this.flushInterval.compareTo(Duration.ofSeconds(10)) <= 0;
	}

}
