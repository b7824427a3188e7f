package io.gatehouse.bench.textbook;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The username check of the textbook server: one map lookup, the same eight fields. */
@RestController
class CustomerController {

	private static final CustomerCheck UNKNOWN = new CustomerCheck(false, false, null, null, null, null, null, false);

	private final Map<String, CustomerCheck> customers = Map.of("bmp_kfayy_6526",
			new CustomerCheck(true, false, null, null, "testuserbmp@yopmail.com", "+923185456266", null, false));

	@GetMapping("/api/customers/check-username/{username}")
	CustomerCheck checkUsername(@PathVariable String username) {
		return this.customers.getOrDefault(username, UNKNOWN);
	}

	record CustomerCheck(boolean exists, boolean hasCustomer, String customerId, String stripeCustomerId, String email,
			String phone, String subscriptionStatus, boolean pinSet) {
	}

}
