package io.gatehouse.auth;

import java.util.List;
import java.util.Map;

import io.gatehouse.audit.AuditEventType;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import io.gatehouse.routes.ApiRoutes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/logout-all}: ends every session of the calling user at once, the
 * caller's own included, through the same revocations as logout (so on every instance). A
 * guest session belongs to no account and has nothing else to end: 403.
 */
@RestController
@Tag(name = "auth")
class LogoutAllController {

	private final SessionRepository sessions;

	private final SessionRevoker revoker;

	private final AuditLog audit;

	LogoutAllController(SessionRepository sessions, SessionRevoker revoker, AuditLog audit) {
		this.sessions = sessions;
		this.revoker = revoker;
		this.audit = audit;
	}

	@PostMapping(ApiRoutes.LOGOUT_ALL)
	@Operation(summary = "End every session of the calling user",
			description = "204; every access, refresh and CSRF token of the user's sessions stops working "
					+ "everywhere. 403 for a guest.")
	ResponseEntity<Void> logoutAll(@AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
		Caller caller = Caller.of(jwt);
		Long accountId = caller.isGuest() ? null
				: this.sessions.find(caller.sessionId()).map(SessionRepository.Session::accountId).orElse(null);
		if (accountId == null) {
			throw new ApiException(ErrorCode.FORBIDDEN, "logout-all needs a user session");
		}
		// The caller's own session is one of them.
		List<SessionRepository.Session> ended = this.sessions.unrevokedOfAccount(accountId);
		for (SessionRepository.Session session : ended) {
			this.revoker.revoke(session.sid(), session.subject(), session.scope(), SessionRevoker.LOGOUT_ALL);
		}
		this.audit.record(AuditEventType.LOGOUT_ALL, request, caller.subject(), caller.sessionId(),
				Map.of("sessions", String.valueOf(ended.size())));
		return ResponseEntity.noContent().build();
	}

}
