package app.movierec.recommend;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine's package rules: ND4J stays inside the two models, and the engine never reaches into
 * the UI.
 */
class EngineArchitectureTest {

  private static final JavaClasses ENGINE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("app.movierec.recommend", "app.movierec.cli");

  @Test
  void nd4j_types_stay_inside_the_als_and_content_packages() {
    noClasses()
        .that()
        .resideOutsideOfPackages("app.movierec.recommend.als..", "app.movierec.recommend.content..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.nd4j..")
        .check(ENGINE);
  }

  @Test
  void the_engine_does_not_depend_on_the_ui_or_tmdb() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("app.movierec.ui..", "app.movierec.tmdb..")
        .check(ENGINE);
  }
}
