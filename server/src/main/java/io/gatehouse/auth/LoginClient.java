package io.gatehouse.auth;

/**
 * Who is logging in, as the failed-login limits see it: the client's address, and the id
 * of its device when it sent a live device token for the username whose failures allow a
 * try ({@code null} otherwise: an unknown client).
 */
record LoginClient(String address, String deviceId) {

	boolean knownDevice() {
		return this.deviceId != null;
	}

}
