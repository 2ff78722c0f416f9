package org.guichet.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.modulith.NamedInterface;

/**
 * What a module's pages need besides the general rule (signed in, with the second factor the channel asks for). Each
 * module declares one as a bean next to its controllers; the security chain and the sign-in step filter read them all
 * ({@link WebAccessRules}), so that a new public page touches only its own module. Paths are Spring path patterns
 * ({@code /reset/**}), without the context path.
 *
 * @param open reachable signed out, and never held back by a pending sign-in step (public pages, their API)
 * @param duringSignIn reachable on the password alone whatever sign-in step is pending (keep-alive, continue)
 * @param withoutRemoteAccess reachable from the internet before the agent's remote access is active (to ask for it)
 * @param backOffices back-office paths by the role they need: whatever the service catalogue says of them, the role
 *     is checked as well
 */
@NamedInterface("web-access")
public record WebAccess(
        List<String> open,
        List<String> duringSignIn,
        List<String> withoutRemoteAccess,
        Map<String, List<String>> backOffices) {

    public WebAccess {
        open = List.copyOf(open);
        duringSignIn = List.copyOf(duringSignIn);
        withoutRemoteAccess = List.copyOf(withoutRemoteAccess);
        backOffices = Map.copyOf(backOffices);
    }

    /** Nothing besides the general rule; add to it with the methods below. */
    public static WebAccess none() {
        return new WebAccess(List.of(), List.of(), List.of(), Map.of());
    }

    public WebAccess open(String... paths) {
        return new WebAccess(plus(open, paths), duringSignIn, withoutRemoteAccess, backOffices);
    }

    public WebAccess duringSignIn(String... paths) {
        return new WebAccess(open, plus(duringSignIn, paths), withoutRemoteAccess, backOffices);
    }

    public WebAccess withoutRemoteAccess(String... paths) {
        return new WebAccess(open, duringSignIn, plus(withoutRemoteAccess, paths), backOffices);
    }

    /** A back office: these paths need this role (a role name, {@code HR}, without {@code ROLE_}). */
    public WebAccess backOffice(String role, String... paths) {
        var offices = new LinkedHashMap<>(backOffices);
        offices.put(role, plus(offices.getOrDefault(role, List.of()), paths));
        return new WebAccess(open, duringSignIn, withoutRemoteAccess, offices);
    }

    private static List<String> plus(List<String> list, String... paths) {
        return Stream.concat(list.stream(), Stream.of(paths)).toList();
    }
}
