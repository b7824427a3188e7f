package io.gatehouse.client;

import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The SDK against the real server: every next step of docs/contract.md §3, and the calls
 * that lead from one to the next.
 */
@Tag("integration")
@ExtendWith(RealServer.Extension.class)
class FlowIntegrationTests {

	@Test
	void checkUsernameWhenFreeThenRegister(RealServer server) {
		GatehouseClient client = server.client().build();

		UsernameCheck check = client.checkUsername(RealServer.uniqueUsername());

		assertThat(check).isEqualTo(new UsernameCheck(false, false, null, null, null, null, null, false, false));
		assertThat(check.nextStep()).isEqualTo(NextStep.REGISTER);
		assertThat(client.session().isGuest()).isTrue();
		assertThat(client.session().scope()).isEqualTo("guest");
		assertThat(client.session().subject()).startsWith("guest:");
	}

	@Test
	void checkUsernameWhenGuestAsksForExistingThenOnlyExistsAndLogIn(RealServer server) {
		UsernameCheck check = server.client().build().checkUsername("BMP_KFAYY_6526");

		assertThat(check).isEqualTo(new UsernameCheck(true, false, null, null, null, null, null, false, false));
		assertThat(check.nextStep()).isEqualTo(NextStep.LOG_IN);
	}

	@Test
	void checkUsernameWhenOwnAccountWithoutCustomerThenFullRecordAndOnboarding(RealServer server) {
		GatehouseClient client = server.client().build();
		Session session = client.login("bmp_kfayy_6526", RealServer.PASSWORD.toCharArray());

		UsernameCheck check = client.checkUsername("bmp_kfayy_6526");

		assertThat(session.scope()).isEqualTo("user");
		assertThat(check).isEqualTo(new UsernameCheck(true, false, null, null, "testuserbmp@yopmail.com",
				"+923185456266", null, false, true));
		assertThat(check.nextStep()).isEqualTo(NextStep.ONBOARDING);
	}

	@Test
	void checkUsernameWhenOnboardedWithoutPinThenSetPin(RealServer server) {
		GatehouseClient client = server.client().build();
		client.login("onboarded_no_pin", RealServer.PASSWORD.toCharArray());

		UsernameCheck check = client.checkUsername("onboarded_no_pin");

		assertThat(check.hasCustomer()).isTrue();
		assertThat(check.stripeCustomerId()).startsWith("cus_");
		assertThat(check.nextStep()).isEqualTo(NextStep.SET_PIN);
	}

	@Test
	void checkUsernameWhenFullyActiveThenHome(RealServer server) {
		GatehouseClient client = server.client().build();
		client.login("fully_active", RealServer.PASSWORD.toCharArray());

		UsernameCheck check = client.checkUsername("fully_active");

		assertThat(check.subscriptionStatus()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(check.pinSet()).isTrue();
		assertThat(check.nextStep()).isEqualTo(NextStep.HOME);
	}

	@Test
	void checkUsernameWhenSupportAgentThenFullRecordButLogIn(RealServer server) {
		GatehouseClient client = server.client().build();
		Session session = client.login("support_agent", RealServer.PASSWORD.toCharArray());

		UsernameCheck check = client.checkUsername("bmp_kfayy_6526");

		assertThat(session.scope()).isEqualTo("user customers:read");
		assertThat(check.email()).isEqualTo("testuserbmp@yopmail.com");
		assertThat(check.nextStep()).isEqualTo(NextStep.LOG_IN);
	}

	@Test
	void registerLoginOnboardAndSetPinWhenNewUserThenEveryStepInTurn(RealServer server) {
		GatehouseClient client = server.client().build();
		String username = RealServer.uniqueUsername();
		char[] password = "a long enough password".toCharArray();
		assertThat(client.checkUsername(username).nextStep()).isEqualTo(NextStep.REGISTER);

		UsernameCheck registered = client.register(username, username + "@yopmail.com", RealServer.uniquePhone(),
				password);
		assertThat(registered.exists()).isTrue();
		assertThat(registered.nextStep()).isEqualTo(NextStep.LOG_IN);
		assertThat(client.checkUsername(username).nextStep()).isEqualTo(NextStep.LOG_IN);

		client.login(username, password);
		assertThat(client.checkUsername(username).nextStep()).isEqualTo(NextStep.ONBOARDING);
		assertThatExceptionOfType(GatehouseException.class).isThrownBy(() -> client.setPin("2580".toCharArray()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("customer-required"));

		UsernameCheck onboarded = client.createCustomer();
		assertThat(onboarded.hasCustomer()).isTrue();
		assertThat(onboarded.nextStep()).isEqualTo(NextStep.SET_PIN);
		assertThat(client.createCustomer().customerId()).isEqualTo(onboarded.customerId());
		assertThatExceptionOfType(GatehouseException.class).isThrownBy(() -> client.setPin("1234".toCharArray()))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(400);
				assertThat(ex.code()).isEqualTo("weak-pin");
			});

		client.setPin("2580".toCharArray());
		assertThat(client.checkUsername(username).nextStep()).isEqualTo(NextStep.HOME);
	}

	@Test
	void registerWhenUsernameTakenThenConflict(RealServer server) {
		assertThatExceptionOfType(GatehouseException.class)
			.isThrownBy(() -> server.client()
				.build()
				.register("bmp_kfayy_6526", "x@yopmail.com", RealServer.uniquePhone(),
						"a long enough password".toCharArray()))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(409);
				assertThat(ex.code()).isEqualTo("username-taken");
			});
	}

	@Test
	void registerWhenFieldsInvalidThenValidationErrorsNameThem(RealServer server) {
		assertThatExceptionOfType(GatehouseException.class)
			.isThrownBy(() -> server.client()
				.build()
				.register(RealServer.uniqueUsername(), "not-an-email", "0300", "short".toCharArray()))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo("validation-failed");
				assertThat(ex.errors()).extracting(GatehouseException.FieldError::field)
					.contains("email", "phone", "password");
			});
	}

	@Test
	void createCustomerWhenGuestThenForbidden(RealServer server) {
		assertThatExceptionOfType(GatehouseException.class).isThrownBy(() -> server.client().build().createCustomer())
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(403);
				assertThat(ex.requestId()).isNotBlank();
			});
	}

	@Test
	void loginWhenWrongPasswordThenInvalidCredentialsInRequestedLanguage(RealServer server) {
		GatehouseException english = loginFailure(server.client().build());
		GatehouseException spanish = loginFailure(server.client().locale(Locale.forLanguageTag("es")).build());

		assertThat(english.code()).isEqualTo("invalid-credentials");
		assertThat(english).isNotInstanceOf(SessionExpiredException.class);
		assertThat(spanish.code()).isEqualTo("invalid-credentials");
		assertThat(spanish.detail()).isNotBlank().isNotEqualTo(english.detail());
	}

	@Test
	void loginWhenRepeatedFailuresForOneUsernameThenRateLimitedWithRetryAfter(RealServer server) {
		GatehouseClient client = server.client().build();
		String username = RealServer.uniqueUsername();
		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(GatehouseException.class)
				.isThrownBy(() -> client.login(username, "wrong password".toCharArray()))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalid-credentials"));
		}

		assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> client.login(username, "wrong password".toCharArray()))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(429);
				assertThat(ex.code()).isEqualTo("rate-limited");
				assertThat(ex.retryAfter()).isPositive();
			});
	}

	@Test
	void checkUsernameWhenAppTooOldThenUpgradeRequired(RealServer server) {
		assertThatExceptionOfType(UpgradeRequiredException.class)
			.isThrownBy(() -> server.client().appVersion("0.9.0").build().guest());
	}

	@Test
	void guestWhenAppKeyWrongThenSignatureRefusedAfterOneResign(RealServer server) {
		assertThatExceptionOfType(GatehouseException.class)
			.isThrownBy(() -> server.client().appKey("android-demo", "not-the-secret").build().guest())
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(403);
				assertThat(ex.code()).isEqualTo("signature-invalid");
			});
	}

	@Test
	void checkUsernameAsyncWhenLoggedInThenCompletes(RealServer server) throws Exception {
		GatehouseClient client = server.client().build();
		client.loginAsync("fully_active", RealServer.PASSWORD.toCharArray()).get();

		assertThat(client.checkUsernameAsync("fully_active").get().nextStep()).isEqualTo(NextStep.HOME);
	}

	private static GatehouseException loginFailure(GatehouseClient client) {
		try {
			client.login(RealServer.uniqueUsername(), "wrong password".toCharArray());
		}
		catch (GatehouseException ex) {
			return ex;
		}
		throw new AssertionError("login with a wrong password succeeded");
	}

}
