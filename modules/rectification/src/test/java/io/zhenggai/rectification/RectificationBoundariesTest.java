package io.zhenggai.rectification;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The rectification context speaks to other contexts only through {@code io.zhenggai.api}. */
class RectificationBoundariesTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.zhenggai.rectification");

    @Test
    void theImportHoldsTheContext() {
        // the rules below must be about real classes, not an empty import that every rule passes
        assertThat(classes.contain("io.zhenggai.rectification.command.Rectification")).isTrue();
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("io.zhenggai.rectification.web"))).isNotEmpty();
    }

    /**
     * An allow-list rather than "not the other contexts": those are not on this module's classpath at all (the
     * compiler already refuses them, and {@code ModularityTest} in the app checks all contexts together), so this
     * module's own test can only say what it may depend on — the messages in {@code api}, the kernel in
     * {@code platform}, the one ledger arithmetic in {@code ledger} (ADR 0019), and the frameworks.
     */
    @Test
    void dependsOnlyOnTheApiThePlatformTheLedgerArithmeticAndTheFrameworks() {
        classes().that().resideInAPackage("io.zhenggai.rectification..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "io.zhenggai.rectification..", "io.zhenggai.api..", "io.zhenggai.platform..", "io.zhenggai.ledger..", "java..",
                        "javax.annotation..", "jakarta..", "org.axonframework..", "org.springframework..",
                        "com.fasterxml.jackson..", "org.slf4j..", "io.swagger..", "io.micrometer..", "org.apache.poi..", "org.xml.sax..")
                .check(classes);
    }

    /** Apache POI is the edge's file format (ADR 0041): only the workbook import and export use it. */
    @Test
    void onlyTheWorkbookEdgeReadsOrWritesExcel() {
        noClasses().that().resideInAPackage("io.zhenggai.rectification..")
                .and().resideOutsideOfPackage("io.zhenggai.rectification.excel..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.poi..", "org.xml.sax..")
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
