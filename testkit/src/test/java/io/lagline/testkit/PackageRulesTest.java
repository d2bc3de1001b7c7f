package io.lagline.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The testkit's packages by concept, layered: {@code process} below {@code cassandra} and {@code
 * pubsub}, which are below {@code stack}; no cycle between them.
 */
class PackageRulesTest {
  private static JavaClasses testkit;

  @BeforeAll
  static void importMainClasses() {
    testkit =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.lagline.testkit");
  }

  @Test
  void the_testkit_packages_form_no_cycle() {
    slices().matching("io.lagline.testkit.(*)..").should().beFreeOfCycles().check(testkit);
  }

  @Test
  void only_the_stack_knows_the_stack() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.lagline.testkit.stack..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.lagline.testkit.stack..")
        .check(testkit);
  }
}
