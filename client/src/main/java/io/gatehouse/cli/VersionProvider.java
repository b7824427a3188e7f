package io.gatehouse.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code gatehouse --version}: the project's version, written into
 * {@code version.properties} by the build.
 */
final class VersionProvider implements IVersionProvider {

	static String version() {
		Properties properties = new Properties();
		try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
			if (in != null) {
				properties.load(in);
			}
		}
		catch (IOException ex) {
			// Reported as unknown below.
		}
		return properties.getProperty("version", "unknown");
	}

	@Override
	public String[] getVersion() {
		return new String[] { "gatehouse " + version() };
	}

}
