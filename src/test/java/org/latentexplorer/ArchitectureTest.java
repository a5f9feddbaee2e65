package org.latentexplorer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of STYLE.md: the core knows nothing of the screens; data knows nothing of models. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.latentexplorer");

    private static final String[] CORE = {"org.latentexplorer.common..", "org.latentexplorer.data..",
        "org.latentexplorer.model..", "org.latentexplorer.train..", "org.latentexplorer.eval..",
        "org.latentexplorer.embed..", "org.latentexplorer.inpaint..", "org.latentexplorer.sample..",
        "org.latentexplorer.cli.."};

    @Test
    void coreNeverTouchesJavaFxOrTheUi() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.latentexplorer.ui..")
                .check(CLASSES);
    }

    @Test
    void dataDoesNotDependOnModelsOrAlgorithms() {
        noClasses().that().resideInAPackage("org.latentexplorer.data..")
                .should().dependOnClassesThat().resideInAnyPackage("org.latentexplorer.model..",
                        "org.latentexplorer.train..", "org.latentexplorer.eval..", "org.latentexplorer.embed..",
                        "org.latentexplorer.inpaint..", "org.latentexplorer.cli..")
                .check(CLASSES);
    }

    @Test
    void screensReachTheCoreOnlyThroughViewModelsAndServices() {
        noClasses().that().resideInAPackage("org.latentexplorer.ui..").and().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat().resideInAnyPackage("org.latentexplorer.train..",
                        "org.latentexplorer.eval..", "org.nd4j..")
                .check(CLASSES);
    }
}
