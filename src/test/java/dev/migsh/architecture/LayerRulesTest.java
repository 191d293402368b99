package dev.migsh.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers the house style promises, checked on the compiled classes: the core is a
 * plain Java library, the shell talks to the database only through it, and the core's
 * feature packages do not depend on each other in circles.
 */
class LayerRulesTest {

	private static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.migsh");
	}

	@Test
	void coreImportsNoShellAppSpringShellJLineOrStereotype() {
		noClasses().that()
			.resideInAPackage("dev.migsh.core..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.migsh.shell..", "dev.migsh.app..", "org.springframework.shell..", "org.jline..",
					"org.springframework.stereotype..", "org.springframework.beans.factory.annotation..",
					"org.springframework.context..", "org.springframework.boot..")
			.check(classes);
	}

	@Test
	void shellRunsNoSql() {
		noClasses().that()
			.resideInAnyPackage("dev.migsh.shell..", "dev.migsh.app..")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName(java.sql.Statement.class.getName())
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName(java.sql.PreparedStatement.class.getName())
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName(java.sql.Connection.class.getName())
			.orShould()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.jdbc..")
			.check(classes);
	}

	@Test
	void corePackagesHaveNoCycles() {
		slices().matching("dev.migsh.core.(*)..").should().beFreeOfCycles().check(classes);
	}

}
