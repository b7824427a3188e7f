package io.gatehouse.customer;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class UsernameCheckTests {

	static final String REFERENCE = "{\"exists\":true,\"hasCustomer\":false,\"customerId\":null,"
			+ "\"stripeCustomerId\":null,\"email\":\"testuserbmp@yopmail.com\",\"phone\":\"+923185456266\","
			+ "\"subscriptionStatus\":null,\"pinSet\":false}";

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void serializeWhenReferenceUserThenContractBytes() {
		Profile profile = new Profile(1, "bmp_kfayy_6526", "testuserbmp@yopmail.com", "+923185456266", null, null, null,
				false);

		assertThat(this.json.writeValueAsString(profile.fullCheck())).isEqualTo(REFERENCE);
	}

	@Test
	void serializeWhenExistsOnlyThenEveryFieldPresent() {
		assertThat(this.json.writeValueAsString(UsernameCheck.existsOnly()))
			.isEqualTo("{\"exists\":true,\"hasCustomer\":false,\"customerId\":null,\"stripeCustomerId\":null,"
					+ "\"email\":null,\"phone\":null,\"subscriptionStatus\":null,\"pinSet\":false}");
	}

	@Test
	void fullCheckWhenCustomerThenHasCustomer() {
		UUID id = UUID.fromString("0b7e9a1c-2d3f-4e5a-9b6c-7d8e9f0a1b2c");
		Profile profile = new Profile(1, "fully_active", "active@example.com", "+14155550102", id,
				"cus_QdemoActive0001", "active", true);

		assertThat(profile.fullCheck()).isEqualTo(new UsernameCheck(true, true, id, "cus_QdemoActive0001",
				"active@example.com", "+14155550102", "active", true));
	}

}
