package io.gatehouse.cli;

import java.io.PrintWriter;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * {@code --json}, mixed into every command: the answer as one JSON object on standard
 * output, and a failure as one on standard error.
 */
final class JsonOption {

	static final String NAME = "--json";

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	@Option(names = NAME, description = "Print JSON (a failure too, on standard error).")
	boolean json;

	/** Prints {@code fields} as JSON, or as aligned lines. */
	void print(PrintWriter out, Map<String, ?> fields) {
		if (this.json) {
			out.println(toJson(fields));
			return;
		}
		fields.forEach((name, value) -> out.printf("%-19s %s%n", name + ":", value));
	}

	static String toJson(Map<String, ?> fields) {
		try {
			return JSON.writeValueAsString(fields);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether {@code --json} was given to any command of the parsed line. */
	static boolean requested(ParseResult result) {
		for (ParseResult command = result; command != null; command = command.subcommand()) {
			if (command.hasMatchedOption(NAME)) {
				return true;
			}
		}
		return false;
	}

}
