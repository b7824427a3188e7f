package io.gatehouse.customer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.gatehouse.account.Account;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's {@code POST /v1/customers}, used only when {@code gatehouse.stripe.secret-key}
 * is set. A failure is logged and answered empty: onboarding goes on, and the id can be
 * filled in later. No test calls this over the network.
 */
final class StripeApiCustomers implements StripeCustomers {

	private static final Logger log = LoggerFactory.getLogger(StripeApiCustomers.class);

	private final StripeProperties properties;

	private final HttpClient http;

	private final JsonMapper json;

	StripeApiCustomers(StripeProperties properties, JsonMapper json) {
		this.properties = properties;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
		this.json = json;
	}

	@Override
	public Optional<String> createCustomer(Account account) {
		String form = "email=" + encode(account.email()) + "&phone=" + encode(account.phone())
				+ "&metadata[gatehouse_username]=" + encode(account.username());
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.properties.apiBase() + "/v1/customers"))
			.timeout(this.properties.timeout())
			.header("Authorization", "Bearer " + this.properties.secretKey())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Idempotency-Key", "gatehouse-customer-" + account.id())
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				log.warn("Stripe refused to create a customer: status {}", response.statusCode());
				return Optional.empty();
			}
			JsonNode id = this.json.readTree(response.body()).get("id");
			return (id != null && id.isString()) ? Optional.of(id.asString()) : Optional.empty();
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			log.warn("Stripe did not answer: {}", ex.getClass().getSimpleName());
			return Optional.empty();
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
