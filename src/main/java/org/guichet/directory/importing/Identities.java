package org.guichet.directory.importing;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.guichet.directory.ImportProblem;
import org.guichet.directory.domain.AgentRecord;
import org.guichet.directory.domain.Logins;
import org.jspecify.annotations.Nullable;

/**
 * Who holds which login and e-mail address during an import: the stored agents, then each row as it is read. A
 * stored agent keeps their login and address unless the file gives new ones; a new agent gets a generated login
 * ({@code first.last}, then {@code first.last2}…) and {@code login@domain}.
 */
final class Identities {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Who holds a login or an address among the stored agents. */
    interface Owners {

        @Nullable
        String loginOwner(String login);

        @Nullable
        String emailOwner(String email);

        /** The owners among these agents, all at hand. */
        static Owners of(Collection<AgentRecord> stored) {
            var logins = new HashMap<String, String>();
            var emails = new HashMap<String, String>();
            stored.forEach(agent -> {
                logins.put(agent.login(), agent.soi());
                emails.put(agent.email(), agent.soi());
            });
            return new Owners() {
                @Override
                public @Nullable String loginOwner(String login) {
                    return logins.get(login);
                }

                @Override
                public @Nullable String emailOwner(String email) {
                    return emails.get(email);
                }
            };
        }
    }

    /** What this import changed over the stored owners: a value to its new owner, or to none when freed. */
    private final Map<String, Optional<String>> loginOwners = new HashMap<>();

    private final Map<String, Optional<String>> emailOwners = new HashMap<>();
    private final Owners stored;
    private final String domain;

    Identities(Owners stored, String domain) {
        this.stored = stored;
        this.domain = domain;
    }

    private @Nullable String loginOwner(String login) {
        var changed = loginOwners.get(login);
        return changed != null ? changed.orElse(null) : stored.loginOwner(login);
    }

    private @Nullable String emailOwner(String email) {
        var changed = emailOwners.get(email);
        return changed != null ? changed.orElse(null) : stored.emailOwner(email);
    }

    record Assigned(String login, String email) {}

    /** Chooses the row's login and address, or refuses the row; reserves them only when both are fine. */
    Assigned assign(
            String soi,
            @Nullable String explicitLogin,
            @Nullable String explicitEmail,
            @Nullable AgentRecord before,
            String firstName,
            String lastName) {
        String login;
        if (explicitLogin != null) {
            login = explicitLogin.toLowerCase(Locale.ROOT);
            if (!Logins.isValid(login)) {
                throw new RowRejected(ImportProblem.INVALID_LOGIN, explicitLogin);
            }
            var owner = loginOwner(login);
            if (owner != null && !owner.equals(soi)) {
                throw new RowRejected(ImportProblem.LOGIN_TAKEN, login, owner);
            }
        } else if (before != null) {
            login = before.login();
        } else {
            login = Logins.generate(firstName, lastName, taken -> loginOwner(taken) != null);
        }
        String email;
        if (explicitEmail != null) {
            email = explicitEmail.toLowerCase(Locale.ROOT);
            if (!EMAIL.matcher(email).matches()) {
                throw new RowRejected(ImportProblem.INVALID_EMAIL, explicitEmail);
            }
        } else if (before != null) {
            email = before.email();
        } else {
            email = login + "@" + domain;
        }
        var emailOwner = emailOwner(email);
        if (emailOwner != null && !emailOwner.equals(soi)) {
            throw new RowRejected(ImportProblem.EMAIL_TAKEN, email, emailOwner);
        }
        if (before != null) {
            if (soi.equals(loginOwner(before.login()))) {
                loginOwners.put(before.login(), Optional.empty());
            }
            if (soi.equals(emailOwner(before.email()))) {
                emailOwners.put(before.email(), Optional.empty());
            }
        }
        loginOwners.put(login, Optional.of(soi));
        emailOwners.put(email, Optional.of(soi));
        return new Assigned(login, email);
    }
}
