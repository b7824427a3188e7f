package io.gatehouse.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * gatehouse.js as the npm package {@code @gatehouse/browser}: what {@code npm pack} would
 * ship (a dry run, offline: the package has no dependency to fetch), and that Node
 * imports it by its name with exactly the exports its type declarations name.
 */
class NpmPackageTests {

	private static final Path PACKAGE = Path.of("").toAbsolutePath();

	private static final Path TYPES = PACKAGE.resolve("src/main/resources/static/gatehouse.d.ts");

	@BeforeAll
	static void assumeNode() throws InterruptedException {
		boolean installed;
		try {
			installed = new ProcessBuilder("npm", "--version").start().waitFor(30, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			installed = false;
		}
		if (!installed) {
			if (Chromium.servicesRequired()) {
				fail("node and npm are not installed, and gatehouse.require-services is set");
			}
			assumeTrue(false, "node and npm are not installed");
		}
	}

	@Test
	void packWhenDryRunThenShipsModuleTypesAndManifest() throws Exception {
		JsonNode packed = JsonMapper.builder().build().readTree(run("npm", "pack", "--dry-run", "--json")).get(0);

		assertThat(packed.get("name").asString()).isEqualTo("@gatehouse/browser");
		List<String> files = new ArrayList<>();
		packed.get("files").forEach((file) -> files.add(file.get("path").asString()));
		assertThat(files).containsExactlyInAnyOrder("package.json", "README.md",
				"src/main/resources/static/gatehouse.js", "src/main/resources/static/gatehouse.d.ts");
	}

	@Test
	void importWhenByPackageNameThenExportsWhatTheTypesDeclare() throws Exception {
		String exported = run("node", "--input-type=module", "-e",
				"console.log(Object.keys(await import('@gatehouse/browser')).sort().join(','))");

		Set<String> declared = new TreeSet<>();
		Matcher declaration = Pattern.compile("(?m)^export (?:const|function|class) (\\w+)")
			.matcher(Files.readString(TYPES, StandardCharsets.UTF_8));
		while (declaration.find()) {
			declared.add(declaration.group(1));
		}
		assertThat(new TreeSet<>(List.of(exported.trim().split(",")))).isEqualTo(declared);
	}

	private static String run(String... command) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(PACKAGE.toFile()).redirectErrorStream(false);
		// Nothing here needs the registry: say so, so a missing network cannot be the
		// cause.
		builder.environment().put("npm_config_offline", "true");
		builder.environment().put("npm_config_update_notifier", "false");
		builder.environment().put("npm_config_fund", "false");
		Process process = builder.start();
		process.getOutputStream().close();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command) + " finished").isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + ": " + err).isZero();
		return out;
	}

}
