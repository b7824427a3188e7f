package io.gatehouse.account;

/**
 * Who is waiting for a password hash, in the order the {@link HashingQueue} serves them.
 * A lane may only be admitted while the slots reserved for the lanes before it stay free,
 * so a flood in a later lane never takes an earlier lane's capacity.
 */
public enum HashingLane {

	/** A login that proved, with a device token, that the client logged in before. */
	DEVICE_LOGIN("device-login"),

	/** Any other login. */
	LOGIN("login"),

	/** Registration, PINs and everything else that hashes. */
	OTHER("other");

	private final String label;

	HashingLane(String label) {
		this.label = label;
	}

	/** The lane's name in audit events. */
	public String label() {
		return this.label;
	}

}
