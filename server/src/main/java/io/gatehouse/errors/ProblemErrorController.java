package io.gatehouse.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the servlet container's error dispatches (a failure outside Spring MVC, such as
 * a malformed request the container refused) with problem+json instead of Boot's
 * whitelabel page, so no error anywhere carries a stack trace or an HTML body.
 */
@RestController
public class ProblemErrorController implements ErrorController {

	private final ProblemWriter problems;

	public ProblemErrorController(ProblemWriter problems) {
		this.problems = problems;
	}

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<Problem> error(HttpServletRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (status == null) {
			// Asked for by a client, not dispatched by the container: nothing lives here.
			return this.problems.entity(request, new ApiException(ErrorCode.NOT_FOUND));
		}
		if (isStorageOutage(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
			// Shared state failed inside a filter (the token decoder's revocation
			// check, say): fail closed with 503, as a controller's failure would.
			return this.problems.entity(request,
					ApiException.retryAfter(ErrorCode.SERVICE_UNAVAILABLE, ApiExceptionHandler.RETRY_AFTER_OUTAGE));
		}
		int code = (status instanceof Integer value) ? value : 500;
		return this.problems.entity(request, new ApiException(ErrorCode.forStatus(code)));
	}

	private static boolean isStorageOutage(Object failure) {
		for (Throwable cause = (failure instanceof Throwable t) ? t : null; cause != null; cause = cause.getCause()) {
			if (cause instanceof StateUnavailableException || cause instanceof DataAccessException) {
				return true;
			}
		}
		return false;
	}

}
