package io.gatehouse.client;

/**
 * A 426 {@code upgrade-required}: the app's version is below the platform's minimum. Ask
 * the user to update the app.
 */
public class UpgradeRequiredException extends GatehouseException {

	private static final long serialVersionUID = 1L;

	/**
	 * An app too old for the server.
	 * @param detail the localized explanation, or {@code null}
	 * @param requestId the request id, or {@code null}
	 */
	public UpgradeRequiredException(String detail, String requestId) {
		super(426, "upgrade-required", detail, requestId, null, null);
	}

}
