// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of DESIGN.md, checked on the compiled classes: {@code maasfin-api} depends on
 * the JDK only, and nothing in {@code maasfin-api} or {@code maasfin-core} imports DJL, so a host
 * that needs only features and normalisers never pulls native libraries.
 */
class ModuleBoundaryTest {
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.maasfin.api", "dev.maasfin.core");
    }

    @Test
    void importedClasses_includeBothModules() {
        // Guards the rules below against passing vacuously on an empty import.
        assertFalse(production.that(resideIn("dev.maasfin.api")).isEmpty(), "no api classes");
        assertFalse(production.that(resideIn("dev.maasfin.core")).isEmpty(), "no core classes");
    }

    @Test
    void apiAndCore_neverDependOnDjl() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.maasfin.api..", "dev.maasfin.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("ai.djl..")
                .because("only maasfin-djl may touch DJL and native libraries")
                .check(production);
    }

    @Test
    void api_dependsOnJdkOnly() {
        classes()
                .that()
                .resideInAPackage("dev.maasfin.api..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.maasfin.api..", "java..", "javax.annotation..")
                .because("maasfin-api is the stable contract and depends on nothing but the JDK")
                .check(production);
    }

    private static com.tngtech.archunit.base.DescribedPredicate<
                    com.tngtech.archunit.core.domain.JavaClass>
            resideIn(String pkg) {
        return com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(pkg + "..");
    }
}
