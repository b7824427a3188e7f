package io.gatehouse.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Device tokens and logout-all against the real server.
 */
@Tag("integration")
@ExtendWith(RealServer.Extension.class)
class DeviceTokenIntegrationTests {

	private static final char[] PASSWORD = "a long enough password".toCharArray();

	@Test
	void loginWhenLoggedInBeforeThenSecondBodyCarriesTheDeviceTokenOfTheFirst(RealServer server) throws Exception {
		String username = registered(server);
		List<String> loginBodies = new CopyOnWriteArrayList<>();
		OkHttpClient recording = new OkHttpClient.Builder().addInterceptor((chain) -> {
			if (chain.request().url().encodedPath().equals("/api/auth/token")) {
				Buffer body = new Buffer();
				chain.request().body().writeTo(body);
				loginBodies.add(body.readUtf8());
			}
			return chain.proceed(chain.request());
		}).build();
		TokenStore store = TokenStore.inMemory();
		GatehouseClient client = server.client().httpClient(recording).tokenStore(store).build();

		client.login(username, PASSWORD);
		String first = store.deviceToken(username);
		client.logout();
		client.login(username, PASSWORD);

		assertThat(first).isNotBlank();
		assertThat(loginBodies).hasSize(2);
		assertThat(loginBodies.get(0)).doesNotContain("deviceToken");
		assertThat(Json.MAPPER.readTree(loginBodies.get(1)).path("deviceToken").asText()).isEqualTo(first);
		assertThat(store.deviceToken(username)).isNotBlank();
		assertThat(store.load().subject()).isEqualTo(username);
	}

	@Test
	void logoutAllWhenTwoClientsLoggedInThenTheOtherSessionEndsToo(RealServer server) {
		String username = registered(server);
		GatehouseClient phone = server.client().build();
		GatehouseClient laptop = server.client().build();
		phone.login(username, PASSWORD);
		laptop.login(username, PASSWORD);
		assertThat(laptop.checkUsername(username).exists()).isTrue();

		phone.logoutAll();

		assertThat(phone.session()).isNull();
		assertThatExceptionOfType(SessionExpiredException.class).isThrownBy(() -> laptop.checkUsername(username));
		assertThat(laptop.session()).isNull();
	}

	@Test
	void logoutAllWhenGuestThenForbidden(RealServer server) {
		GatehouseClient guest = server.client().build();
		guest.guest();

		assertThatExceptionOfType(GatehouseException.class).isThrownBy(guest::logoutAll)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("forbidden"));
	}

	private static String registered(RealServer server) {
		GatehouseClient client = server.client().build();
		String username = RealServer.uniqueUsername();
		client.register(username, username + "@yopmail.com", RealServer.uniquePhone(), PASSWORD);
		client.close();
		return username;
	}

}
