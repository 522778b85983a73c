package io.zhenggai.rectification;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The rectification context speaks to other contexts only through {@code io.zhenggai.api}. */
class RectificationBoundariesTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.zhenggai.rectification");

    @Test
    void importsNoOtherContextAndNotTheApp() {
        noClasses().that().resideInAPackage("io.zhenggai.rectification..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.zhenggai.inspection..", "io.zhenggai.finance..", "io.zhenggai.publication..",
                        "io.zhenggai.reporting..", "io.zhenggai.app..")
                .check(classes);
    }

    @Test
    void controllersDoNotTouchTheDatabase() {
        noClasses().that().resideInAPackage("io.zhenggai.rectification.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "javax.sql..")
                .check(classes);
    }

    @Test
    void theDomainKnowsNothingOfTheWebOrTheReadModel() {
        noClasses().that().resideInAPackage("io.zhenggai.rectification.command..")
                .should().dependOnClassesThat().resideInAnyPackage("io.zhenggai.rectification.web..",
                        "io.zhenggai.rectification.query..", "org.springframework.web..", "org.springframework.jdbc..")
                .check(classes);
    }
}
