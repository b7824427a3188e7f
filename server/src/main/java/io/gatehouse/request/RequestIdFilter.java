package io.gatehouse.request;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every request: gives it an id ({@code x-request-id}, echoed when
 * the client sent a sane one), stamps {@code Date} and {@code Content-Language}, and
 * writes the one access-log line ({@link AccessLog}) when the response is done.
 */
public final class RequestIdFilter extends OncePerRequestFilter {

	public static final String HEADER = "x-request-id";

	private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private final Clock clock;

	public RequestIdFilter(Clock clock) {
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long started = System.nanoTime();
		String requestId = requestIdOf(request.getHeader(HEADER));
		request.setAttribute(RequestAttributes.REQUEST_ID, requestId);
		Locale locale = ContractLocales.resolve(request.getHeader(ContractLocales.HEADER));
		LocaleContextHolder.setLocale(locale);
		response.setHeader(HEADER, requestId);
		response.setHeader("Date",
				DateTimeFormatter.RFC_1123_DATE_TIME.format(this.clock.instant().atOffset(ZoneOffset.UTC)));
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
		return (sent != null && SANE_ID.matcher(sent).matches()) ? sent : UUID.randomUUID().toString();
	}

}
