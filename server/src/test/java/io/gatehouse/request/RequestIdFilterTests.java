package io.gatehouse.request;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.gatehouse.auth.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdFilterTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:15:30.200Z"));

	private final RequestIdFilter filter = new RequestIdFilter(this.clock);

	@Test
	void dateWhenSameSecondThenSameValue() throws Exception {
		String first = dateOf(send());
		this.clock.advance(Duration.ofMillis(700));

		assertThat(dateOf(send())).isEqualTo(first).isEqualTo("Tue, 01 Dec 2026 10:15:30 GMT");
	}

	@Test
	void dateWhenNextSecondThenThatSecond() throws Exception {
		send();
		this.clock.advance(Duration.ofMillis(800));

		assertThat(dateOf(send())).isEqualTo("Tue, 01 Dec 2026 10:15:31 GMT");
	}

	@Test
	void dateWhenClockGoesBackThenTheEarlierSecond() throws Exception {
		send();
		this.clock.advance(Duration.ofSeconds(-60));

		assertThat(dateOf(send())).isEqualTo("Tue, 01 Dec 2026 10:14:30 GMT");
	}

	@Test
	void dateIsImfFixdateWithTwoDigitDayInEnglishWhateverTheDefaultLocale() throws Exception {
		Locale before = Locale.getDefault();
		Locale.setDefault(Locale.GERMANY);
		try {
			RequestIdFilter filter = new RequestIdFilter(new MutableClock(Instant.parse("2026-03-09T07:05:04.900Z")));
			MockHttpServletResponse response = new MockHttpServletResponse();
			filter.doFilter(new MockHttpServletRequest("GET", "/ping"), response, new MockFilterChain());

			String date = dateOf(response);

			// RFC 9110 §5.6.7's IMF-fixdate, byte for byte, and what a strict parser
			// reads.
			assertThat(date).isEqualTo("Mon, 09 Mar 2026 07:05:04 GMT")
				.matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
						+ "\\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
			assertThat(Instant.from(RequestIdFilter.IMF_FIXDATE.withZone(ZoneOffset.UTC).parse(date)))
				.isEqualTo(Instant.parse("2026-03-09T07:05:04Z"));
		}
		finally {
			Locale.setDefault(before);
		}
	}

	@Test
	void requestIdWhenNoneSentThenDistinctRandomUuids() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String id = RequestIdFilter.requestIdOf(null);
			UUID uuid = UUID.fromString(id);
			assertThat(uuid.version()).isEqualTo(4);
			assertThat(uuid.variant()).isEqualTo(2);
			assertThat(uuid).hasToString(id);
			ids.add(id);
		}

		assertThat(ids).hasSize(10_000);
	}

	@Test
	void requestIdWhenSaneOneSentThenEchoed() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ping");
		request.addHeader(RequestIdFilter.HEADER, "client-42");
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.filter.doFilter(request, response, new MockFilterChain());

		assertThat(response.getHeader(RequestIdFilter.HEADER)).isEqualTo("client-42");
	}

	private MockHttpServletResponse send() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(new MockHttpServletRequest("GET", "/ping"), response, new MockFilterChain());
		return response;
	}

	private static String dateOf(MockHttpServletResponse response) {
		return response.getHeader("Date");
	}

}
