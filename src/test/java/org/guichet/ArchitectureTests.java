package org.guichet;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rules of the house that module boundaries alone do not state: platform, which every module uses, uses none of
 * them; web controllers reach data only through their module's services (no repository, no SQL); SQL is written only
 * in repositories, and a module's repositories are its own.
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

    /** The types through which Java code reaches the database. */
    private static final Set<String> JDBC = Set.of(
            JdbcClient.class.getName(),
            "org.springframework.jdbc.core.JdbcOperations",
            JdbcTemplate.class.getName(),
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate",
            "javax.sql.DataSource",
            "java.sql.Connection",
            "java.sql.Statement",
            "java.sql.PreparedStatement");

    private static JavaClass outermost(JavaClass type) {
        var outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    private static boolean repository(JavaClass type) {
        return outermost(type).isAnnotatedWith(Repository.class);
    }

    /**
     * SQL lives in {@code @Repository} classes (helpers only repositories call, and {@code @Configuration} classes
     * wiring Spring's own JDBC stores, aside): no service, listener or runner writes a statement.
     */
    @Test
    void sqlWhenWrittenThenOnlyInRepositories() {
        var outside = new ArrayList<String>();
        for (var type : MAIN) {
            var usesJdbc = type.getDirectDependenciesFromSelf().stream()
                    .anyMatch(dependency ->
                            JDBC.contains(dependency.getTargetClass().getName()));
            var onlyRepositoriesCallIt = !type.getAccessesToSelf().isEmpty()
                    && type.getAccessesToSelf().stream().allMatch(access -> repository(access.getOriginOwner()));
            if (usesJdbc
                    && !repository(type)
                    && !outermost(type).isAnnotatedWith(Configuration.class)
                    && !onlyRepositoriesCallIt) {
                outside.add(type.getName());
            }
        }
        assertThat(outside).as("classes writing SQL outside repositories").isEmpty();
    }

    /**
     * A module's repositories are its own: package-private, or in a package inside the module that other modules
     * cannot reach (Modulith checks that), never public in the module's API package. Platform, whose base package is
     * every module's to use, offers a store as a service ({@code Secrets}).
     */
    @Test
    void repositoriesWhenDeclaredThenInsideTheirModule() {
        var exposed = new ArrayList<String>();
        for (var type : MAIN) {
            var base = type.getPackageName().chars().filter(c -> c == '.').count() == 2;
            if (type.isAnnotatedWith(Repository.class)
                    && base
                    && type.getModifiers().contains(JavaModifier.PUBLIC)
                    && !type.getPackageName().equals("org.guichet.platform")) {
                exposed.add(type.getName());
            }
        }
        assertThat(exposed).as("public repositories in a module's API package").isEmpty();
    }

    private static List<Path> sources(String folder) throws IOException {
        try (var files = Files.walk(Path.of("src/main/java/org/guichet", folder))) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .sorted()
                    .toList();
        }
    }

    /** Seams that once were strings stay typed: no journal type, approval kind or category compared as text. */
    @Test
    void seamsWhenSearchedThenNoStringComparisonsLeft() throws IOException {
        var strings = Pattern.compile("\"SignInFailed\"|startsWith\\(\"approval\"\\)|APPROVAL_KIND\\.equals");
        var found = new ArrayList<String>();
        var files = sources("");
        assertThat(files).as("the sources read").hasSizeGreaterThan(400);
        for (var file : files) {
            var lines = Files.readAllLines(file);
            for (var n = 0; n < lines.size(); n++) {
                if (strings.matcher(lines.get(n)).find()) {
                    found.add(file + ":" + (n + 1));
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /** The rules of requests and leave live in their aggregates and small services: no class there over 250 lines. */
    @Test
    void requestAndLeaveWhenMeasuredThenNoClassOver250Lines() throws IOException {
        var large = new ArrayList<String>();
        for (var folder : List.of("request", "leave")) {
            for (var file : sources(folder)) {
                var lines = Files.readAllLines(file).size();
                if (lines > 250) {
                    large.add(file + " " + lines);
                }
            }
        }
        assertThat(large).isEmpty();
    }
}
