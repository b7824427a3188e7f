package io.gatehouse.audit;

/**
 * Masks contact details before they reach a log: {@code te****@yopmail.com},
 * {@code +92*******266}.
 */
public final class Masking {

	private Masking() {
	}

	public static String email(String email) {
		if (email == null) {
			return null;
		}
		int at = email.indexOf('@');
		if (at <= 0) {
			return "****";
		}
		return email.substring(0, Math.min(2, at)) + "****" + email.substring(at);
	}

	public static String phone(String phone) {
		if (phone == null) {
			return null;
		}
		if (phone.length() <= 6) {
			return "****";
		}
		return phone.substring(0, 3) + "*".repeat(phone.length() - 6) + phone.substring(phone.length() - 3);
	}

}
