package org.guichet.platform.startup;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.AbstractNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.context.support.GenericWebApplicationContext;

/**
 * What Spring's ahead-of-time processing settled when the jar was built: the active profiles, the auto-configurations
 * excluded by property, and the outcome of every condition that the configuration decides (a property set or not, a
 * cloud platform, an endpoint exposed…). Written into the jar by {@link PreparedConfigurationRecorder}; read at a start
 * in AOT mode by {@link PreparedConfigurationCheck}, which compares it with the start's own configuration.
 *
 * <p>Conditions on the class path, on other beans and on the kind of application are not re-evaluated: the class path
 * is the jar's own, and beans follow from the other conditions and the profiles.
 */
record PreparedConfiguration(Set<String> profiles, String exclusions, List<Outcome> outcomes) {

    static final String RESOURCE = "META-INF/guichet/prepared-configuration.properties";

    /**
     * Conditions decided by what the jar holds (its classes and resources, the kind of application) or by other beans,
     * which follow from the rest: not compared.
     */
    private static final Set<String> FIXED = Set.of(
            "org.springframework.boot.autoconfigure.condition.OnClassCondition",
            "org.springframework.boot.autoconfigure.condition.OnBeanCondition",
            "org.springframework.boot.autoconfigure.condition.OnWebApplicationCondition",
            "org.springframework.boot.autoconfigure.condition.OnResourceCondition",
            "org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport$AncestorsMatchedCondition",
            "org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration$DefaultDispatcherServletCondition",
            "org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration$DispatcherServletRegistrationCondition",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryConfiguration$MultipleNonPrimaryMeterRegistriesCondition");

    /** One condition of one configuration class or bean method ({@code Class#method}), and whether it matched. */
    record Outcome(String source, String condition, boolean matched) {}

    static PreparedConfiguration of(ConfigurableListableBeanFactory beanFactory, ConfigurableEnvironment environment) {
        var outcomes = new LinkedHashSet<Outcome>(); // a nested condition's members once, however many use it
        var context = new Context(environment, beanFactory.getBeanClassLoader());
        ConditionEvaluationReport.get(beanFactory)
                .getConditionAndOutcomesBySource()
                .forEach((source, conditions) -> conditions.forEach(each -> {
                    var condition = each.getCondition();
                    if (condition instanceof AbstractNestedCondition) {
                        members(condition.getClass(), context, outcomes);
                    } else if (!FIXED.contains(condition.getClass().getName())) {
                        outcomes.add(new Outcome(
                                source,
                                condition.getClass().getName(),
                                each.getOutcome().isMatch()));
                    }
                }));
        return new PreparedConfiguration(
                new LinkedHashSet<>(Arrays.asList(environment.getActiveProfiles())),
                exclusions(environment),
                List.copyOf(outcomes));
    }

    /**
     * A nested condition (any, all or none of its member classes' conditions) mixes conditions on beans with conditions
     * on the configuration: each of its members' own conditions is recorded instead, evaluated here as a start would.
     */
    private static void members(Class<?> nested, Context context, Set<Outcome> outcomes) {
        try {
            for (var memberType : nested.getDeclaredClasses()) {
                var member = memberType.getName();
                var memberMetadata = metadata(member, context.getClassLoader());
                var conditions = memberMetadata.getAllAnnotationAttributes(Conditional.class.getName(), true);
                if (conditions == null) {
                    continue;
                }
                for (var names : conditions.get("value")) {
                    for (var name : (String[]) names) {
                        var condition = condition(name, context.getClassLoader());
                        if (condition instanceof AbstractNestedCondition) {
                            members(condition.getClass(), context, outcomes);
                        } else if (!FIXED.contains(name)) {
                            outcomes.add(new Outcome(
                                    member,
                                    name,
                                    outcome(condition, context, memberMetadata).isMatch()));
                        }
                    }
                }
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Cannot read the conditions of " + nested.getName(), e);
        }
    }

    private static Condition condition(String name, ClassLoader classLoader) throws ClassNotFoundException {
        return (Condition) BeanUtils.instantiateClass(ClassUtils.forName(name, classLoader));
    }

    /** A condition's outcome, evaluated once: Spring Boot's conditions say why, plain ones only whether. */
    private static ConditionOutcome outcome(
            Condition condition, ConditionContext context, AnnotatedTypeMetadata metadata) {
        return condition instanceof SpringBootCondition bootCondition
                ? bootCondition.getMatchOutcome(context, metadata)
                : new ConditionOutcome(
                        condition.matches(context, metadata), ClassUtils.getShortName(condition.getClass()));
    }

    private static String exclusions(Environment environment) {
        return String.join(
                ",",
                Binder.get(environment)
                        .bind("spring.autoconfigure.exclude", String[].class)
                        .orElse(new String[0]));
    }

    String text() {
        var text = new StringBuilder()
                .append("# The configuration this jar was prepared for by Spring's AOT processing (Guichet)\n")
                .append("profiles=")
                .append(String.join(",", profiles))
                .append('\n')
                .append("exclusions=")
                .append(exclusions)
                .append('\n');
        for (int i = 0; i < outcomes.size(); i++) {
            var outcome = outcomes.get(i);
            text.append("condition.")
                    .append(i)
                    .append('=')
                    .append(outcome.matched())
                    .append(' ')
                    .append(outcome.condition())
                    .append(' ')
                    .append(outcome.source())
                    .append('\n');
        }
        return text.toString();
    }

    /** The configuration recorded in the jar, or null when the jar was not prepared so. */
    static PreparedConfiguration read(ClassLoader classLoader) {
        try (var in = classLoader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            var properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            var outcomes = new ArrayList<Outcome>();
            for (int i = 0; properties.containsKey("condition." + i); i++) {
                var parts = properties.getProperty("condition." + i).split(" ", 3);
                outcomes.add(new Outcome(parts[2], parts[1], Boolean.parseBoolean(parts[0])));
            }
            return new PreparedConfiguration(
                    new LinkedHashSet<>(Arrays.asList(profiles(properties.getProperty("profiles", "")))),
                    properties.getProperty("exclusions", ""),
                    outcomes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Profiles named in a comma-separated list, trimmed, empty names ignored (as Spring Boot reads them). */
    static String[] profiles(String list) {
        return StringUtils.tokenizeToStringArray(list, ",");
    }

    /**
     * How the given configuration differs from the prepared one, in words, one line per difference; empty when a
     * start with it would create the very beans the jar was prepared with.
     */
    List<String> differences(ConfigurableEnvironment environment, ClassLoader classLoader) {
        var differences = new ArrayList<String>();
        var active = new LinkedHashSet<>(Arrays.asList(environment.getActiveProfiles()));
        if (!active.equals(profiles)) {
            differences.add("profiles " + active + " where the jar was prepared for " + profiles);
        }
        var excluded = exclusions(environment);
        if (!excluded.equals(exclusions)) {
            differences.add("spring.autoconfigure.exclude is [" + excluded + "] where the jar was prepared with ["
                    + exclusions + "]");
        }
        // a cold JVM evaluates conditions slowly (classes loaded, annotations read for the first time): the second
        // half is checked on a second thread, started with the start's class loader
        var context = new Context(environment, classLoader);
        var half = outcomes.size() / 2;
        var second = new ArrayList<String>();
        var helper = Thread.ofPlatform().name("prepared-configuration-check").unstarted(() -> {
            for (var outcome : outcomes.subList(half, outcomes.size())) {
                difference(outcome, context).ifPresent(second::add);
            }
        });
        helper.setContextClassLoader(classLoader);
        helper.start();
        for (var outcome : outcomes.subList(0, half)) {
            difference(outcome, context).ifPresent(differences::add);
        }
        try {
            helper.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            differences.add("the check was interrupted");
        }
        differences.addAll(second);
        return differences;
    }

    private static Optional<String> difference(Outcome outcome, Context context) {
        try {
            var condition = condition(outcome.condition(), context.getClassLoader());
            var source = metadata(outcome.source(), context.getClassLoader());
            var now = outcome(condition, context, source);
            if (now.isMatch() == outcome.matched()) {
                return Optional.empty();
            }
            return Optional.of(outcome.source() + ": "
                    + (outcome.matched() ? "prepared with it" : "prepared without it") + ", now " + now.getMessage());
        } catch (Exception | LinkageError e) {
            return Optional.of(outcome.source() + ": its condition cannot be checked (" + e + ")");
        }
    }

    /**
     * The annotations of a configuration class or bean method ({@code Class#method}), read by reflection: the classes
     * are loaded without being initialised, as the start would load them anyway (and the JDK's AOT cache holds them).
     */
    private static AnnotatedTypeMetadata metadata(String source, ClassLoader classLoader)
            throws ClassNotFoundException {
        int hash = source.indexOf('#');
        var type = AnnotationMetadata.introspect(
                ClassUtils.forName(hash < 0 ? source : source.substring(0, hash), classLoader));
        if (hash < 0) {
            return type;
        }
        var name = source.substring(hash + 1);
        return type.getAnnotatedMethods(Bean.class.getName()).stream()
                .filter(method -> method.getMethodName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no @Bean method " + source));
    }

    /**
     * What a condition may ask of a start before any bean is defined: its environment and class loader, and a web
     * application context's kind of resource loader (Guichet is one), never refreshed.
     */
    private static final class Context implements ConditionContext {

        private final ConfigurableEnvironment environment;
        private final ClassLoader classLoader;
        private final DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        private final GenericWebApplicationContext resourceLoader = new GenericWebApplicationContext(beanFactory);

        Context(ConfigurableEnvironment environment, ClassLoader classLoader) {
            this.environment = environment;
            this.classLoader = classLoader;
            resourceLoader.setClassLoader(classLoader);
        }

        @Override
        public BeanDefinitionRegistry getRegistry() {
            return beanFactory;
        }

        @Override
        public ConfigurableListableBeanFactory getBeanFactory() {
            return beanFactory;
        }

        @Override
        public Environment getEnvironment() {
            return environment;
        }

        @Override
        public ResourceLoader getResourceLoader() {
            return resourceLoader;
        }

        @Override
        public ClassLoader getClassLoader() {
            return classLoader;
        }
    }
}
