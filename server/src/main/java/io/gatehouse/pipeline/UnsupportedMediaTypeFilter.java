package io.gatehouse.pipeline;

import java.io.IOException;

import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import io.gatehouse.errors.ProblemWriter;
import io.gatehouse.request.ApiRequests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * docs/contract.md §1's {@code Content-Type} rule on every {@code /api/**} request: a
 * body of any type but {@code application/json} (parameters such as {@code charset}
 * allowed), or of no type, is 415 {@code unsupported-media-type}, whether or not the
 * endpoint reads a body. Spring MVC would check only endpoints that read one, and only
 * after routing; this runs right after {@link PayloadTooLargeFilter}, so the order is
 * 413, 415, then 404 and 405, as docs/contract.md §1 step (5) lists them.
 */
final class UnsupportedMediaTypeFilter extends OncePerRequestFilter {

	private final ProblemWriter problems;

	UnsupportedMediaTypeFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !ApiRequests.isApi(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (hasBody(request) && !isJson(request.getContentType())) {
			this.problems.write(request, response,
					new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "body is not application/json"));
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * The signature filter has read the body, so its length is exact; a chunked body of
	 * unknown length counts as one.
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
