package io.gatehouse.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/security.md tells operators what to do with each event: a type added without a row
 * there fails the build.
 */
class AuditEventTypeDocsTests {

	static final Path SECURITY_MD = Path.of("../docs/security.md");

	@Test
	void securityMdWhenReadThenEveryEventTypeHasARow() throws IOException {
		String docs = Files.readString(SECURITY_MD, StandardCharsets.UTF_8);
		String trail = docs.substring(docs.indexOf("## Audit trail"));

		for (AuditEventType type : AuditEventType.values()) {
			assertThat(trail).as(type + " in docs/security.md, Audit trail")
				.containsPattern("(?m)^\\| [^|]*`" + Pattern.quote(type.type()) + "`");
		}
	}

}
