package org.guichet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.TreeSet;
import org.guichet.testing.MessageBundles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * One message bundle per module, next to its code: every module has one, the application reads each, French and
 * English name the same keys, no key is in two bundles, and the journal's sentence for an event is in the bundle of
 * the event's module (a new journaled event touches only its own module).
 */
class MessageBundlesTests {

    private static TreeSet<String> modules() throws IOException {
        var modules = new TreeSet<String>();
        for (var info :
                new PathMatchingResourcePatternResolver().getResources("classpath*:org/guichet/*/package-info.class")) {
            modules.add(info.getURL().getPath().replaceAll(".*/org/guichet/([^/]+)/package-info.class$", "$1"));
        }
        return modules;
    }

    @Test
    void bundlesWhenReadThenOnePerModuleAndEachListedInTheConfiguration() throws IOException {
        var configured = new YamlPropertySourceLoader()
                .load("application", new ClassPathResource("application.yml"))
                .getFirst()
                .getProperty("spring.messages.basename");
        var listed = Arrays.stream(String.valueOf(configured).split(","))
                .map(String::strip)
                .toList();

        assertThat(MessageBundles.byModule("").keySet()).containsExactlyElementsOf(modules());
        assertThat(listed)
                .containsExactlyInAnyOrderElementsOf(modules().stream()
                        .map(module -> "org/guichet/" + module + "/messages")
                        .toList());
    }

    @Test
    void bundlesWhenComparedThenFrenchAndEnglishKeysInStep() {
        var french = MessageBundles.byModule("");
        var english = MessageBundles.byModule("_en");

        assertThat(english.keySet()).isEqualTo(french.keySet());
        french.forEach((module, messages) -> assertThat(english.get(module).stringPropertyNames())
                .as("English keys of %s", module)
                .containsExactlyInAnyOrderElementsOf(messages.stringPropertyNames()));
    }

    @Test
    void keysWhenCollectedThenEachInOneBundleOnly() {
        var owner = new HashMap<String, String>();
        var twice = new ArrayList<String>();
        MessageBundles.byModule("").forEach((module, messages) -> {
            for (var key : messages.stringPropertyNames()) {
                var other = owner.put(key, module);
                if (other != null) {
                    twice.add(key + " in " + other + " and " + module);
                }
            }
        });
        assertThat(twice).isEmpty();
    }

    @Test
    void journaledEventWhenDescribedThenItsSentenceIsInItsOwnModulesBundle() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Journaled.class));
        var bundles = MessageBundles.byModule("");
        var misplaced = new ArrayList<String>();
        var events = 0;
        for (var candidate : scanner.findCandidateComponents("org.guichet")) {
            var type = Class.forName(candidate.getBeanClassName());
            var module = type.getPackageName().replaceAll("^org\\.guichet\\.([^.]+).*", "$1");
            var key = "audit.type." + type.getSimpleName();
            events++;
            if (!bundles.get(module).containsKey(key)) {
                misplaced.add(key + " (event of " + module + ")");
            }
        }
        assertThat(events).isGreaterThan(40);
        assertThat(misplaced).isEmpty();
    }

    @Test
    void myActivityEventWhenDescribedThenItsLineIsNamedInBothLanguages() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Journaled.class));
        var french = MessageBundles.all("");
        var english = MessageBundles.all("_en");
        var missing = new ArrayList<String>();
        var shown = 0;
        for (var candidate : scanner.findCandidateComponents("org.guichet")) {
            var type = Class.forName(candidate.getBeanClassName());
            // an event in "my activity" says so by answering inMyActivity itself
            if (java.util.Arrays.stream(type.getDeclaredMethods())
                    .noneMatch(method -> method.getName().equals("inMyActivity"))) {
                continue;
            }
            shown++;
            var key = "activity.type." + type.getSimpleName();
            if (!french.containsKey(key)) {
                missing.add(key);
            }
            if (!english.containsKey(key)) {
                missing.add(key + " (en)");
            }
        }
        assertThat(shown).isGreaterThan(10);
        assertThat(missing).isEmpty();
    }
}
