package io.gatehouse.audit;

/**
 * Every security decision that leaves an audit event, named as it appears in the event's
 * {@code type} field and in the {@code gatehouse.audit.events{type}} counter. The list
 * and what an operator does with each is in docs/security.md.
 */
public enum AuditEventType {

	LOGIN_SUCCEEDED("login.succeeded"),

	LOGIN_FAILED("login.failed"),

	GUEST_SESSION_STARTED("guest.started"),

	RATE_LIMITED("rate-limit.refused"),

	LOCKOUT("login.locked-out"),

	REGISTERED("account.registered"),

	PROFILE_CREATED("customer.created"),

	PIN_SET("pin.set"),

	PIN_CHANGED("pin.changed"),

	PIN_REJECTED("pin.rejected"),

	REFRESH_ROTATED("refresh.rotated"),

	REFRESH_GRACE_REPLAYED("refresh.grace-replayed"),

	REFRESH_REUSE_REVOKED("refresh.reuse-revoked"),

	REFRESH_REFUSED("refresh.refused"),

	LOGOUT("session.logout"),

	LOGOUT_ALL("session.logout-all"),

	SIGNATURE_FAILED("signature.failed"),

	REQUEST_REPLAYED("signature.replayed"),

	CSRF_FAILED("csrf.failed"),

	TOKEN_REFUSED("token.refused"),

	ACCESS_DENIED("access.denied"),

	HASHING_OVERLOADED("hashing.overloaded");

	private final String type;

	AuditEventType(String type) {
		this.type = type;
	}

	/** The stable name written in the event and used as the counter's tag. */
	public String type() {
		return this.type;
	}

}
