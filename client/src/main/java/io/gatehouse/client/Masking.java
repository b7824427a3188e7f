package io.gatehouse.client;

/**
 * Masks personal data for logs and {@code toString()}: {@code t***@yopmail.com},
 * {@code +92******266}. The mask has a fixed width so it does not reveal the length.
 */
final class Masking {

	private Masking() {
	}

	static String email(String email) {
		if (email == null) {
			return null;
		}
		int at = email.lastIndexOf('@');
		return (at < 1) ? "***" : email.charAt(0) + "***" + email.substring(at);
	}

	static String phone(String phone) {
		if (phone == null) {
			return null;
		}
		return (phone.length() < 8) ? "******" : phone.substring(0, 3) + "******" + phone.substring(phone.length() - 3);
	}

}
