package app.movierec;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.data.repository.Repository;

/**
 * The lines CONVENTIONS.md draws between the features, held by tests so that nobody has to remember
 * them: one file for all of them.
 */
@AnalyzeClasses(packages = "app.movierec", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule no_package_depends_on_another_round_a_circle =
      slices()
          .matching("app.movierec.(**)")
          .should()
          .beFreeOfCycles()
          .because("dependencies point one way: ui and cli call services, services call models");

  @ArchTest
  static final ArchRule the_bottom_floor_depends_on_nothing_of_ours =
      noClasses()
          .that()
          .resideInAPackage("app.movierec.common..")
          .should()
          .dependOnClassesThat()
          .resideOutsideOfPackages(
              "app.movierec.common..",
              "java..",
              "org.slf4j..",
              "org.springframework..",
              "jakarta.annotation..",
              "jdk.incubator.vector..")
          .because("features share common's ids, histories and events without circles");

  @ArchTest
  static final ArchRule nd4j_stays_inside_the_models =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "app.movierec.recommend.als..", "app.movierec.recommend.content..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.nd4j..")
          .because(
              "what leaves the model packages is plain Java (records, arrays), not ND4J types");

  @ArchTest
  static final ArchRule the_models_know_nothing_of_the_app_around_them =
      noClasses()
          .that()
          .resideInAnyPackage(
              "app.movierec.recommend.als..",
              "app.movierec.recommend.content..",
              "app.movierec.recommend.hybrid..",
              "app.movierec.recommend.eval..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "app.movierec.catalog..",
              "app.movierec.ratings..",
              "app.movierec.tmdb..",
              "app.movierec.ui..",
              "app.movierec.api..",
              "app.movierec.cli..",
              "org.springframework.stereotype..",
              "org.springframework.context..",
              "org.springframework.data..",
              "org.springframework.web..",
              "jakarta.persistence..")
          .because(
              "the models are a library: training data in, immutable models out (AlsConfig is"
                  + " bound from the configuration, the one Spring type they know)");

  @ArchTest
  static final ArchRule nothing_calls_the_ui_the_api_or_the_command_line =
      noClasses()
          .that()
          .resideOutsideOfPackages("app.movierec.ui..", "app.movierec.api..", "app.movierec.cli..")
          .and()
          .doNotHaveFullyQualifiedName("app.movierec.Application")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("app.movierec.ui..", "app.movierec.api..", "app.movierec.cli..")
          .because("the UI, the API and the commands call services, never the other way round");

  @ArchTest
  static final ArchRule the_entry_points_do_not_call_each_other =
      noClasses()
          .that()
          .resideInAPackage("app.movierec.api..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("app.movierec.ui..", "app.movierec.cli..")
          .orShould()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "jakarta.persistence..", "org.springframework.jdbc..", "org.springframework.data..")
          .because("the JSON API is a thin layer over the services, not over the database");

  @ArchTest
  static final ArchRule repositories_are_private_to_their_feature =
      classes()
          .that()
          .areAssignableTo(Repository.class)
          .and()
          .areInterfaces()
          .should()
          .notBePublic()
          .because("each feature's service is the only caller of its repositories");
}
