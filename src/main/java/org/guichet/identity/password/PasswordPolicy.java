package org.guichet.identity.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import org.guichet.directory.AgentProfile;
import org.guichet.identity.IdentitySettings;
import org.guichet.identity.PasswordCheck;
import org.guichet.identity.PasswordProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The password policy: long enough (12 by default) and not too long (128), never truncated; no composition rules,
 * but not a known password (nbvcxz's 100,000 breached passwords and a French supplement, also once trailing digits
 * and symbols are removed), nothing built from the agent's own names, login or SOI, and strong enough for the nbvcxz
 * estimator. Reuse is checked against stored hashes by {@link PasswordService}.
 */
@Component
public class PasswordPolicy {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern EDGE_NOISE = Pattern.compile("^[\\d\\p{Punct}\\s]+|[\\d\\p{Punct}\\s]+$");
    private static final Pattern NAME_PARTS = Pattern.compile("[^a-z0-9]+");
    private static final int SHORTEST_PERSONAL_PART = 3;

    private final IdentitySettings.Password settings;
    /** Read at the first check, not at start-up (the dictionaries take a quarter of a second to load). */
    private final SingletonSupplier<Set<String>> common;

    private final Map<Locale, Nbvcxz> estimators = new ConcurrentHashMap<>();

    PasswordPolicy(IdentitySettings settings) {
        this.settings = settings.password();
        this.common = SingletonSupplier.of(PasswordPolicy::commonPasswords);
    }

    /** Checks a candidate for this agent (or for nobody in particular when {@code agent} is null). */
    public PasswordCheck check(String candidate, @Nullable AgentProfile agent, Locale locale) {
        var problems = new ArrayList<PasswordProblem>();
        var length = candidate.codePointCount(0, candidate.length());
        if (length < settings.minLength()) {
            problems.add(PasswordProblem.TOO_SHORT);
        }
        if (length > settings.maxLength()) {
            return new PasswordCheck(0, List.of(PasswordProblem.TOO_LONG), List.of());
        }
        var plain = plain(candidate);
        if (isCommon(plain)) {
            problems.add(PasswordProblem.COMMON);
        }
        if (agent != null && isPersonal(plain, agent)) {
            problems.add(PasswordProblem.PERSONAL);
        }
        var estimate = estimator(locale).estimate(candidate);
        var entropy = estimate.getEntropy();
        if (entropy < settings.minimumEntropy() && !problems.contains(PasswordProblem.COMMON)) {
            problems.add(PasswordProblem.TOO_WEAK);
        }
        var hints = new ArrayList<String>();
        var feedback = estimate.getFeedback();
        if (entropy < settings.minimumEntropy() && feedback != null) {
            if (feedback.getWarning() != null) {
                hints.add(feedback.getWarning());
            }
            hints.addAll(feedback.getSuggestion());
        }
        return new PasswordCheck(problems.isEmpty() ? score(entropy) : Math.min(score(entropy), 1), problems, hints);
    }

    /** 0 to 4 from the estimated entropy, the acceptance threshold sitting between 2 and 3. */
    private int score(double entropy) {
        var minimum = settings.minimumEntropy();
        if (entropy < minimum / 2) {
            return 0;
        }
        if (entropy < minimum * 0.8) {
            return 1;
        }
        if (entropy < minimum) {
            return 2;
        }
        return entropy < minimum * 1.5 ? 3 : 4;
    }

    private boolean isCommon(String plain) {
        var core = EDGE_NOISE.matcher(plain).replaceAll("");
        var common = this.common.obtain();
        return common.contains(plain) || core.length() >= 4 && common.contains(core);
    }

    private static boolean isPersonal(String plain, AgentProfile agent) {
        var parts = new HashSet<String>();
        for (var value : List.of(agent.firstName(), agent.lastName(), agent.login())) {
            for (var part : NAME_PARTS.split(plain(value))) {
                if (part.length() >= SHORTEST_PERSONAL_PART) {
                    parts.add(part);
                }
            }
        }
        parts.add(agent.id().soi());
        var squeezed = plain.replaceAll("[^a-z0-9]", "");
        return parts.stream().anyMatch(part -> plain.contains(part) || squeezed.contains(part));
    }

    /** Lower case, without accents: what guessing tools try first. */
    static String plain(String value) {
        return MARKS.matcher(Normalizer.normalize(value, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
    }

    private Nbvcxz estimator(Locale locale) {
        var language = Locale.forLanguageTag(locale.getLanguage());
        return estimators.computeIfAbsent(
                language,
                it -> new Nbvcxz(new ConfigurationBuilder()
                        .setLocale(it)
                        .setMinimumEntropy(settings.minimumEntropy())
                        .setMaxLength(settings.maxLength())
                        .createConfiguration()));
    }

    private static Set<String> commonPasswords() {
        var words = new HashSet<String>();
        ConfigurationBuilder.getDefaultDictionaries().stream()
                .filter(dictionary -> dictionary.getDictionaryName().equals("passwords"))
                .forEach(dictionary -> dictionary.getDictonary().keySet().forEach(word -> words.add(plain(word))));
        try (var in = PasswordPolicy.class.getResourceAsStream("common-passwords-fr.txt");
                var reader =
                        new BufferedReader(new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8))) {
            reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(word -> words.add(plain(word)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }

    /** How many passwords the policy refuses outright, for the README's claim and its test. */
    int commonCount() {
        return common.obtain().size();
    }
}
