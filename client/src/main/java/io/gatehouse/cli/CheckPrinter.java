package io.gatehouse.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import io.gatehouse.client.UsernameCheck;

/**
 * Prints a username check as aligned lines or as JSON: the eight wire fields in the
 * contract's order, then the next step.
 */
final class CheckPrinter {

	private CheckPrinter() {
	}

	static void print(PrintWriter out, UsernameCheck check, JsonOption format) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("exists", check.exists());
		fields.put("hasCustomer", check.hasCustomer());
		fields.put("customerId", check.customerId());
		fields.put("stripeCustomerId", check.stripeCustomerId());
		fields.put("email", check.email());
		fields.put("phone", check.phone());
		fields.put("subscriptionStatus",
				(check.subscriptionStatus() != null) ? check.subscriptionStatus().wireValue() : null);
		fields.put("pinSet", check.pinSet());
		fields.put("nextStep", check.nextStep().name());
		format.print(out, fields);
	}

}
