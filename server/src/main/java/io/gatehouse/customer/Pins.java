package io.gatehouse.customer;

/**
 * The PIN rule (docs/contract.md §2): 4 to 6 digits, not all one digit, not a straight
 * run up or down (1234, 4321, 123456). Those few are what people pick first, so a thief
 * tries them first.
 */
final class Pins {

	private Pins() {
	}

	static boolean isAcceptable(String pin) {
		if (pin == null || !pin.matches("[0-9]{4,6}")) {
			return false;
		}
		return !hasConstantStep(pin, 0) && !hasConstantStep(pin, 1) && !hasConstantStep(pin, -1);
	}

	private static boolean hasConstantStep(String pin, int step) {
		for (int i = 1; i < pin.length(); i++) {
			if (pin.charAt(i) - pin.charAt(i - 1) != step) {
				return false;
			}
		}
		return true;
	}

}
