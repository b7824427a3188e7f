package io.gatehouse.request;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The first filter of every request: gives it an id ({@code x-request-id}, echoed when
 * the client sent a sane one), stamps {@code Date} and {@code Content-Language}, and
 * writes the one access-log line ({@link AccessLog}) when the response is done.
 */
public final class RequestIdFilter extends HttpFilter {

	public static final String HEADER = "x-request-id";

	private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private final Clock clock;

	/**
	 * HTTP's IMF-fixdate (RFC 9110 §5.6.7), the only form a sender may generate: a
	 * two-digit day ({@code RFC_1123_DATE_TIME} writes "Tue, 1 Dec", which strict HTTP
	 * date parsers refuse, and a client then cannot correct its clock from it).
	 */
	static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
			Locale.US);

	/** The last second's {@code Date} value: formatted once a second, not per request. */
	private volatile FormattedSecond date = new FormattedSecond(Long.MIN_VALUE, "");

	public RequestIdFilter(Clock clock) {
		this.clock = clock;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long started = System.nanoTime();
		String requestId = requestIdOf(request.getHeader(HEADER));
		request.setAttribute(RequestAttributes.REQUEST_ID, requestId);
		Locale locale = ContractLocales.resolve(request.getHeader(ContractLocales.HEADER));
		LocaleContextHolder.setLocale(locale);
		response.setHeader(HEADER, requestId);
		response.setHeader("Date", date());
		response.setHeader("Content-Language", locale.toLanguageTag());
		if (ApiRequests.isApi(request)) {
			// Answers name users and carry tokens: no cache may keep them (also when the
			// path is spelt "/%61pi/...", which routes to the same endpoints).
			response.setHeader("Cache-Control", "no-store");
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
			AccessLog.write(request, response, requestId, (System.nanoTime() - started) / 1_000_000);
		}
	}

	/** The client's id when it sent a sane one, else a new one. */
	public static String requestIdOf(String sent) {
		return (sent != null && SANE_ID.matcher(sent).matches()) ? sent : newRequestId();
	}

	/**
	 * A random (version 4) UUID from the thread's generator: the id only finds a request
	 * in the logs and grants nothing, so it needs uniqueness, not the unpredictability
	 * that {@code UUID.randomUUID()} buys with the shared SecureRandom on every request.
	 */
	static String newRequestId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | Long.MIN_VALUE;
		return new UUID(high, low).toString();
	}

	private String date() {
		long second = Math.floorDiv(this.clock.millis(), 1000L);
		FormattedSecond cached = this.date;
		if (cached.epochSecond() != second) {
			cached = new FormattedSecond(second,
					IMF_FIXDATE.format(Instant.ofEpochSecond(second).atOffset(ZoneOffset.UTC)));
			this.date = cached;
		}
		return cached.value();
	}

	private record FormattedSecond(long epochSecond, String value) {
	}

}
