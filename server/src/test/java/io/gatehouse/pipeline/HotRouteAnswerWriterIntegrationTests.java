package io.gatehouse.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.gatehouse.routes.ApiRoutes;
import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Logins;
import io.gatehouse.support.Logins.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The username check's answer, written by {@link HotRouteAnswerWriter} when the request
 * leaves Spring MVC nothing to decide, is the answer Spring MVC's converter writes, byte
 * for byte and header for header; any other request still gets Spring MVC's (its
 * reflected-file-download guard on a name with a dot included).
 */
@IntegrationTest
class HotRouteAnswerWriterIntegrationTests {

	/** Sent with each of these, the writer answers. */
	private static final List<String> PLAIN_ACCEPTS = List.of("", "application/json", "*/*",
			"application/json, application/problem+json");

	/** Sent with this one, Spring MVC answers (it negotiates the same type). */
	private static final String NEGOTIATED_ACCEPT = "application/json, */*;q=0.5";

	/** Headers whose values differ from request to request by design. */
	private static final List<String> PER_REQUEST = List.of("x-request-id", "date", "traceparent");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerAdapter")
	RequestMappingHandlerAdapter adapter;

	ApiClient api;

	Logins logins;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
		this.logins = new Logins(this.api);
	}

	@Test
	void adapterAsksTheWriterFirst() {
		assertThat(this.adapter.getReturnValueHandlers()).first().isInstanceOf(HotRouteAnswerWriter.class);
	}

	@Test
	void answerWhenWrittenDirectlyThenSameBytesAndHeadersAsSpringMvcs() {
		Session user = this.logins.sharedDemoUser("fully_active");
		Session guest = this.logins.sharedGuest();
		// The caller's own record in full, a name only shown to exist, an unknown name.
		Map<String, Session> cases = Map.of("fully_active", user, "bmp_kfayy_6526", guest, "nobody_here_7", guest);
		cases.forEach((username, session) -> {
			ApiResponse springMvc = check(session, username, NEGOTIATED_ACCEPT);
			assertThat(springMvc.status()).isEqualTo(200);
			for (String accept : PLAIN_ACCEPTS) {
				ApiResponse direct = check(session, username, accept);

				assertThat(direct.status()).isEqualTo(200);
				assertThat(direct.body()).as(username + " Accept: " + accept).isEqualTo(springMvc.body());
				assertThat(headers(direct)).as(username + " Accept: " + accept).isEqualTo(headers(springMvc));
			}
		});
	}

	@Test
	void headWhenWrittenDirectlyThenSameHeadersAsSpringMvcsAndNoBody() {
		Session user = this.logins.sharedDemoUser("fully_active");

		ApiResponse springMvc = send("HEAD", user, "fully_active", NEGOTIATED_ACCEPT);
		ApiResponse direct = send("HEAD", user, "fully_active", "");

		assertThat(direct.status()).isEqualTo(200).isEqualTo(springMvc.status());
		assertThat(direct.body()).isEmpty();
		assertThat(headers(direct)).isEqualTo(headers(springMvc)).containsKey("content-length");
	}

	@Test
	void answerWhenNameHasADotThenSpringMvcsFileDownloadGuardStillApplies() {
		Session guest = this.logins.sharedGuest();

		ApiResponse response = check(guest, "no.body.here", "application/json");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Disposition")).isEqualTo("inline;filename=f.txt");
		assertThat(response.header("Content-Type")).isEqualTo("application/json");
	}

	@Test
	void writerAnswersOnlyWhenNothingIsLeftToDecide() {
		assertThat(HotRouteAnswerWriter.leavesNothingToDecide(request("alice"))).isTrue();
		assertThat(HotRouteAnswerWriter.leavesNothingToDecide(request("alice", "application/json"))).isTrue();
		assertThat(HotRouteAnswerWriter.leavesNothingToDecide(request("alice", "*/*"))).isTrue();
		assertThat(HotRouteAnswerWriter
			.leavesNothingToDecide(request("alice", "application/json, application/problem+json"))).isTrue();

		assertThat(HotRouteAnswerWriter.leavesNothingToDecide(request("alice.smith"))).isFalse();
		assertThat(HotRouteAnswerWriter.leavesNothingToDecide(request("%61lice"))).isFalse();
		assertThat(HotRouteAnswerWriter.leavesNothingToDecide(request("alice;x=1"))).isFalse();
		assertThat(HotRouteAnswerWriter.leavesNothingToDecide(request("alice", "application/json;charset=UTF-8")))
			.isFalse();
		assertThat(HotRouteAnswerWriter.leavesNothingToDecide(request("alice", "application/*"))).isFalse();
		assertThat(HotRouteAnswerWriter.leavesNothingToDecide(request("alice", "application/json", "*/*"))).isFalse();
	}

	private ApiResponse check(Session session, String username, String accept) {
		return send("GET", session, username, accept);
	}

	private ApiResponse send(String method, Session session, String username, String accept) {
		ApiClient.Call call = this.api.request(method, ApiRoutes.CHECK_USERNAME + username)
			.bearer(session.accessToken())
			.csrf(session.csrfToken())
			.header("x-username", username);
		if (!accept.isEmpty()) {
			call.header("Accept", accept);
		}
		return call.send();
	}

	/** Every header but the per-request ones, by lower-case name. */
	private static Map<String, List<String>> headers(ApiResponse response) {
		Map<String, List<String>> headers = new TreeMap<>(response.raw().headers().map());
		headers.keySet().removeIf((name) -> PER_REQUEST.contains(name.toLowerCase(Locale.ROOT)));
		return headers;
	}

	private static MockHttpServletRequest request(String username, String... accepts) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", ApiRoutes.CHECK_USERNAME + username);
		for (String accept : accepts) {
			request.addHeader("Accept", accept);
		}
		return request;
	}

}
