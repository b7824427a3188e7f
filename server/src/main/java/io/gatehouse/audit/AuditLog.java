package io.gatehouse.audit;

import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

import io.gatehouse.request.ClientAddressResolver;
import io.gatehouse.request.RequestAttributes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one structured event per security decision: a JSON object as the message of the
 * {@code gatehouse.audit} logger (parseable with text logs too), its values also as
 * key-value pairs for structured logging, and one count in
 * {@code gatehouse.audit.events{type}}. Callers pass only what may be logged: usernames,
 * reasons and masked contact details, never a token, secret, password or PIN.
 */
public final class AuditLog {

	/** The logger every event goes to, so operators can route the trail on its own. */
	public static final String LOGGER = "gatehouse.audit";

	/** The counter of events, tagged by {@link AuditEventType#type()}. */
	public static final String METRIC = "gatehouse.audit.events";

	private static final Logger log = LoggerFactory.getLogger(LOGGER);

	private static final Pattern PLATFORM = Pattern.compile("ios|android|web");

	private static final Pattern APP_VERSION = Pattern.compile("[0-9]{1,9}\\.[0-9]{1,9}\\.[0-9]{1,9}");

	private final Clock clock;

	private final ClientAddressResolver addresses;

	private final JsonMapper json;

	private final MeterRegistry meters;

	public AuditLog(Clock clock, ClientAddressResolver addresses, JsonMapper json, MeterRegistry meters) {
		this.clock = clock;
		this.addresses = addresses;
		this.json = json;
		this.meters = meters;
	}

	/**
	 * Records a decision taken while answering {@code request}.
	 * @param subject the username, {@code guest:<sid>}, or {@code null} when not known
	 * @param sessionId the session's id (hashed before it is written), or {@code null}
	 * @param details event-specific facts, such as {@code reason}
	 */
	public AuditEvent record(AuditEventType type, HttpServletRequest request, String subject, String sessionId,
			Map<String, String> details) {
		// One decision, one event: a refusal audited at its source (a lockout, a PIN or
		// registration limit) is not audited again when its problem is answered.
		request.setAttribute(RequestAttributes.AUDIT_RECORDED, type.type());
		String platform = request.getHeader("x-platform");
		String appVersion = request.getHeader("x-app-version");
		return write(new AuditEvent(this.clock.instant(), type.type(), RequestAttributes.requestId(request), subject,
				SessionHash.of(sessionId), this.addresses.resolve(request),
				(platform != null && PLATFORM.matcher(platform).matches()) ? platform : null,
				(appVersion != null && APP_VERSION.matcher(appVersion).matches()) ? appVersion : null, details));
	}

	/** Records a decision taken outside a request (housekeeping, start-up). */
	public AuditEvent record(AuditEventType type, String subject, String sessionId, Map<String, String> details) {
		return write(new AuditEvent(this.clock.instant(), type.type(), null, subject, SessionHash.of(sessionId), null,
				null, null, details));
	}

	private AuditEvent write(AuditEvent event) {
		Counter.builder(METRIC).tag("type", event.type()).register(this.meters).increment();
		if (log.isInfoEnabled()) {
			LoggingEventBuilder line = log.atInfo();
			line = line.addKeyValue("audit.type", event.type())
				.addKeyValue("audit.subject", event.subject())
				.addKeyValue("audit.sessionHash", event.sessionHash())
				.addKeyValue("audit.clientAddress", event.clientAddress());
			for (Map.Entry<String, String> detail : event.details().entrySet()) {
				line = line.addKeyValue("audit." + detail.getKey(), detail.getValue());
			}
			line.log(this.json.writeValueAsString(event));
		}
		return event;
	}

}
