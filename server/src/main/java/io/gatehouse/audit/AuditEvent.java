package io.gatehouse.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One audit event as written: who did what, from where, and with what outcome. Never a
 * token, secret, password or PIN; the session appears only as a hash and contact details
 * only masked ({@link Masking}).
 *
 * @param time when it was decided
 * @param type what was decided ({@link AuditEventType#type()})
 * @param requestId the request's {@code x-request-id}, or {@code null} outside a request
 * @param subject the username, {@code guest:<sid>} for a guest, or {@code null} when
 * unknown
 * @param sessionHash a hash of the session id ({@link SessionHash}), or {@code null}
 * @param clientAddress the client's address after trusted-proxy resolution
 * @param platform the {@code x-platform} sent, when it was one of the contract's values
 * @param appVersion the {@code x-app-version} sent, when it was well formed
 * @param details event-specific facts (for example {@code reason}, {@code code})
 */
public record AuditEvent(Instant time, String type, String requestId, String subject, String sessionHash,
		String clientAddress, String platform, String appVersion, Map<String, String> details) {

	public AuditEvent {
		details = Map.copyOf(details);
	}

}
