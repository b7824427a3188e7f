package io.gatehouse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of docs/architecture.md: no package loop, and no import from a lower
 * layer back up. Layers, lowest first: {@code request}; {@code errors}; {@code routes};
 * {@code account}, {@code ratelimit}, {@code audit} and {@code crypto}; the features;
 * {@code cluster} (Redis and PostgreSQL stores for the features); {@code pipeline} and
 * {@code config} (wiring). Features may use one another (without a loop).
 */
class ArchitectureTests {

	private static JavaClasses classes;

	@BeforeAll
	static void importMainClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
			.importPackages("io.gatehouse");
	}

	@Test
	void packagesWhenImportedThenNoCycle() {
		slices().matching("io.gatehouse.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void packagesWhenImportedThenNoLowerLayerImportsAHigherOne() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("Request")
			.definedBy("io.gatehouse.request..")
			.layer("Errors")
			.definedBy("io.gatehouse.errors..")
			.layer("Routes")
			.definedBy("io.gatehouse.routes..")
			.layer("Foundations")
			.definedBy("io.gatehouse.account..", "io.gatehouse.ratelimit..", "io.gatehouse.audit..",
					"io.gatehouse.crypto..")
			.layer("Features")
			.definedBy("io.gatehouse.appsig..", "io.gatehouse.auth..", "io.gatehouse.csrf..", "io.gatehouse.customer..",
					"io.gatehouse.registration..", "io.gatehouse.management..", "io.gatehouse.webconfig..")
			.layer("Stores")
			.definedBy("io.gatehouse.cluster..")
			.layer("Wiring")
			.definedBy("io.gatehouse.pipeline..", "io.gatehouse.config..")
			.whereLayer("Wiring")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Stores")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Features")
			.mayOnlyBeAccessedByLayers("Stores", "Wiring")
			.whereLayer("Foundations")
			.mayOnlyBeAccessedByLayers("Features", "Stores", "Wiring")
			.whereLayer("Routes")
			.mayOnlyBeAccessedByLayers("Features", "Stores", "Wiring")
			.whereLayer("Errors")
			.mayOnlyBeAccessedByLayers("Routes", "Foundations", "Features", "Stores", "Wiring")
			.check(classes);
	}

}
