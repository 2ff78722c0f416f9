package org.guichet.directory.importing;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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

    private final Map<String, String> loginOwners = new HashMap<>();
    private final Map<String, String> emailOwners = new HashMap<>();
    private final String domain;

    Identities(Collection<AgentRecord> stored, String domain) {
        this.domain = domain;
        stored.forEach(agent -> {
            loginOwners.put(agent.login(), agent.soi());
            emailOwners.put(agent.email(), agent.soi());
        });
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
            if (heldByAnother(loginOwners, login, soi)) {
                throw new RowRejected(ImportProblem.LOGIN_TAKEN, login, loginOwners.get(login));
            }
        } else if (before != null) {
            login = before.login();
        } else {
            login = Logins.generate(firstName, lastName, loginOwners::containsKey);
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
        if (heldByAnother(emailOwners, email, soi)) {
            throw new RowRejected(ImportProblem.EMAIL_TAKEN, email, emailOwners.get(email));
        }
        if (before != null) {
            loginOwners.remove(before.login(), soi);
            emailOwners.remove(before.email(), soi);
        }
        loginOwners.put(login, soi);
        emailOwners.put(email, soi);
        return new Assigned(login, email);
    }

    private static boolean heldByAnother(Map<String, String> owners, String value, String soi) {
        var owner = owners.get(value);
        return owner != null && !owner.equals(soi);
    }
}
