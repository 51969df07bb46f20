package app.movierec;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.data.repository.Repository;

/**
 * The lines CONVENTIONS.md draws between the features, held by tests so that nobody has to remember
 * them.
 */
@AnalyzeClasses(packages = "app.movierec", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

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
  static final ArchRule nothing_calls_the_ui =
      noClasses()
          .that()
          .resideOutsideOfPackage("app.movierec.ui..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("app.movierec.ui..")
          .because("the UI calls services, never the other way round");

  @ArchTest
  static final ArchRule services_do_not_call_the_command_line =
      noClasses()
          .that()
          .resideOutsideOfPackage("app.movierec.cli..")
          .and()
          .doNotHaveFullyQualifiedName("app.movierec.Application")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("app.movierec.cli..");

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
