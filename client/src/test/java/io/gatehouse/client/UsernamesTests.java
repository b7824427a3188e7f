package io.gatehouse.client;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

class UsernamesTests {

	@TestFactory
	Stream<DynamicTest> normalizeWhenSharedVectorThenSameResult() {
		return Vectors.read("username-vectors.json")
			.stream()
			.map((vector) -> DynamicTest.dynamicTest(Vectors.text(vector, "why"),
					() -> assertThat(Usernames.normalize(Vectors.text(vector, "input")))
						.isEqualTo(Vectors.text(vector, "normalized"))));
	}

}
