package io.gatehouse.pipeline;

import java.io.IOException;

import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import io.gatehouse.errors.ProblemWriter;
import io.gatehouse.request.ApiRequests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * docs/contract.md §1's {@code Content-Type} rule on every {@code /api/**} request: a
 * body of any type but {@code application/json} (parameters such as {@code charset}
 * allowed), or of no type, is 415 {@code unsupported-media-type}, whether or not the
 * endpoint reads a body. Spring MVC would check only endpoints that read one, and only
 * after routing; this runs right after {@link PayloadTooLargeFilter}, so the order is
 * 413, 415, then 404 and 405, as docs/contract.md §1 step (5) lists them.
 */
final class UnsupportedMediaTypeFilter extends HttpFilter {

	private final ProblemWriter problems;

	UnsupportedMediaTypeFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (ApiRequests.isApi(request) && hasBody(request) && !isJson(request.getContentType())) {
			this.problems.write(request, response,
					new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "body is not application/json"));
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * The signature filter has read every body the request's framing announces, so its
	 * length is exact (an empty chunked body is 0); a request framed without one arrives
	 * as sent, with no length or 0 and no {@code Transfer-Encoding} (the framing rule of
	 * {@code SignedRequestCheck.framedWithoutBody}). A chunked body of unknown length
	 * counts as one.
	 */
	private static boolean hasBody(HttpServletRequest request) {
		long length = request.getContentLengthLong();
		return length > 0 || (length < 0 && request.getHeader("Transfer-Encoding") != null);
	}

	private static boolean isJson(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
