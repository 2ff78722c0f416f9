package org.guichet;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rules of the house that module boundaries alone do not state: platform, which every module uses, uses none of
 * them; web controllers reach data only through their module's services (no repository, no SQL).
 */
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.guichet");

    @Test
    void platformWhenCompiledThenDependsOnNoModule() {
        noClasses()
                .that()
                .resideInAPackage("org.guichet.platform..")
                .should()
                .dependOnClassesThat(
                        resideInAPackage("org.guichet..").and(not(resideInAPackage("org.guichet.platform.."))))
                .check(MAIN);
    }

    @Test
    void webWhenCompiledThenNoRepositoryAndNoSql() {
        noClasses()
                .that()
                .resideInAPackage("org.guichet..web..")
                .should()
                .dependOnClassesThat(resideInAPackage("org.guichet..").and(simpleNameEndingWith("Repository")))
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(JdbcClient.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(JdbcTemplate.class)
                .check(MAIN);
    }
}
