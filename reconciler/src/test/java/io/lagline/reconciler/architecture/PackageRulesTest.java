package io.lagline.reconciler.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reconciler's room plan, checked on its compiled main classes: Pub/Sub is reached through the
 * {@code pubsub} module (never through the producer), the packages form no cycle, and the audit
 * reads the stream beside the intake and the dead-letter path, not through them.
 */
class PackageRulesTest {
  private static JavaClasses reconciler;

  @BeforeAll
  static void importMainClasses() {
    reconciler =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.lagline.reconciler");
  }

  @Test
  void the_reconciler_does_not_depend_on_the_producer() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.lagline.producer..")
        .because("the reconciler reaches Pub/Sub through io.lagline.pubsub")
        .check(reconciler);
  }

  @Test
  void the_reconciler_packages_form_no_cycle() {
    slices().matching("io.lagline.reconciler.(*)..").should().beFreeOfCycles().check(reconciler);
  }

  @Test
  void the_audit_depends_on_neither_the_intake_nor_the_dead_letter_path() {
    noClasses()
        .that()
        .resideInAPackage("io.lagline.reconciler.audit..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.lagline.reconciler.intake..", "io.lagline.reconciler.deadletter..")
        .check(reconciler);
  }
}
