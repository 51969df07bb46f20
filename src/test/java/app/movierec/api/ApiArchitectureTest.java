package app.movierec.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The JSON API is a thin layer over the services: no UI, no persistence, and nothing else depends
 * on it.
 */
class ApiArchitectureTest {

  private static final JavaClasses APP =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("app.movierec");

  @Test
  void the_api_calls_services_not_the_ui_or_the_database() {
    noClasses()
        .that()
        .resideInAPackage("app.movierec.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "app.movierec.ui..",
            "jakarta.persistence..",
            "org.springframework.jdbc..",
            "org.springframework.data..")
        .check(APP);
  }

  @Test
  void nothing_outside_the_api_depends_on_it() {
    noClasses()
        .that()
        .resideOutsideOfPackage("app.movierec.api..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("app.movierec.api..")
        .check(APP);
  }
}
