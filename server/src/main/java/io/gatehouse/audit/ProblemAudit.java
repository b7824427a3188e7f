package io.gatehouse.audit;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.gatehouse.errors.ErrorCode;
import io.gatehouse.errors.ProblemListener;
import io.gatehouse.request.RequestAttributes;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The audit event of a security failure answered as a problem: every refusal of the app
 * signature, a replay, CSRF, a rate limit, a missing or refused token, an access denied.
 * {@code errors/ProblemWriter} writes every failure and tells this listener, so no
 * refusal can be answered without its event; a request records at most one, also when the
 * container's error dispatch answers it again. The caller is named when its token had
 * been verified before the refusal (a CSRF failure, a limit on the username check);
 * earlier refusals have no subject.
 */
public final class ProblemAudit implements ProblemListener {

	/**
	 * Codes audited where they are decided, with a richer event, and so skipped here: the
	 * login knows the username and the reason ({@code login.failed}), the refresh
	 * rotation knows the session and whether a grace applied ({@code refresh.refused},
	 * {@code refresh.reuse-revoked}). A new code decided with more context than a request
	 * belongs here too, with its event emitted at its source.
	 */
	static final Set<ErrorCode> AUDITED_AT_SOURCE = EnumSet.of(ErrorCode.INVALID_CREDENTIALS,
			ErrorCode.INVALID_REFRESH_TOKEN, ErrorCode.REFRESH_TOKEN_REUSED);

	static final Map<ErrorCode, AuditEventType> TYPES = new EnumMap<>(ErrorCode.class);

	static {
		for (ErrorCode code : EnumSet.of(ErrorCode.SIGNATURE_MISSING, ErrorCode.SIGNATURE_INVALID,
				ErrorCode.REQUEST_EXPIRED, ErrorCode.INVALID_HEADER, ErrorCode.UPGRADE_REQUIRED)) {
			TYPES.put(code, AuditEventType.SIGNATURE_FAILED);
		}
		TYPES.put(ErrorCode.REQUEST_REPLAYED, AuditEventType.REQUEST_REPLAYED);
		TYPES.put(ErrorCode.CSRF_MISSING, AuditEventType.CSRF_FAILED);
		TYPES.put(ErrorCode.CSRF_INVALID, AuditEventType.CSRF_FAILED);
		TYPES.put(ErrorCode.RATE_LIMITED, AuditEventType.RATE_LIMITED);
		TYPES.put(ErrorCode.MISSING_TOKEN, AuditEventType.TOKEN_REFUSED);
		TYPES.put(ErrorCode.INVALID_TOKEN, AuditEventType.TOKEN_REFUSED);
		TYPES.put(ErrorCode.FORBIDDEN, AuditEventType.ACCESS_DENIED);
	}

	private static final int MAX_PATH = 200;

	private final AuditLog audit;

	public ProblemAudit(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	public void answered(HttpServletRequest request, ErrorCode code) {
		AuditEventType type = TYPES.get(code);
		if (type == null || AUDITED_AT_SOURCE.contains(code)
				|| request.getAttribute(RequestAttributes.AUDIT_RECORDED) != null) {
			return;
		}
		Jwt caller = verifiedCaller();
		this.audit.record(type, request, (caller != null) ? caller.getSubject() : null,
				(caller != null) ? caller.getClaimAsString("sid") : null,
				Map.of("code", code.code(), "path", path(request)));
	}

	private static Jwt verifiedCaller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) ? jwt : null;
	}

	/** The path asked for (never the query), also on the error dispatch; capped. */
	private static String path(HttpServletRequest request) {
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = (original != null) ? original.toString() : request.getRequestURI();
		if (path == null) {
			return "";
		}
		return (path.length() <= MAX_PATH) ? path : path.substring(0, MAX_PATH);
	}

}
