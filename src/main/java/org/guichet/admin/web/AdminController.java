package org.guichet.admin.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.guichet.access.ServiceOpening;
import org.guichet.admin.AdminForms;
import org.guichet.admin.Administration;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.directory.DirectorySync;
import org.guichet.directory.Role;
import org.guichet.directory.SyncRun;
import org.guichet.identity.Assurance;
import org.guichet.identity.IdentityManagement;
import org.guichet.identity.SecondFactors;
import org.guichet.network.Channel;
import org.guichet.network.ClientConnections;
import org.guichet.network.NetworkZones;
import org.guichet.platform.LiveSettingRejected;
import org.guichet.session.SessionManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administration's pages: network zones, services' opening, security rules (lockout, second factor, sessions)
 * and the IT charter. A refused form comes back with each problem next to its field (HTTP 400); an accepted one
 * redirects with what changed.
 */
@Controller
class AdminController {

    private final Administration administration;
    private final ClientConnections connections;
    private final IdentityManagement identity;
    private final SecondFactors secondFactors;
    private final SessionManagement sessions;
    private final DirectorySync directorySync;
    private final DirectoryManagement directory;

    AdminController(
            Administration administration,
            ClientConnections connections,
            IdentityManagement identity,
            SecondFactors secondFactors,
            SessionManagement sessions,
            DirectorySync directorySync,
            DirectoryManagement directory) {
        this.administration = administration;
        this.connections = connections;
        this.identity = identity;
        this.secondFactors = secondFactors;
        this.sessions = sessions;
        this.directorySync = directorySync;
        this.directory = directory;
    }

    @GetMapping("/admin")
    String showAdministration(Model model, Locale locale) {
        var zones = connections.zones();
        model.addAttribute("trustedProxies", String.join("\n", zones.trustedProxies()));
        model.addAttribute("vpnNetworks", String.join("\n", zones.vpnNetworks()));
        model.addAttribute("internalNetworks", String.join("\n", zones.internalNetworks()));
        model.addAttribute("services", administration.editableServices());
        model.addAttribute("channels", Channel.values());
        var lockout = identity.lockoutRules();
        model.addAttribute("threshold", lockout.threshold());
        model.addAttribute("firstLockMinutes", lockout.firstLock().toMinutes());
        model.addAttribute("longestLockMinutes", lockout.longestLock().toMinutes());
        model.addAttribute("failuresPerAddress", lockout.failuresPerAddress());
        model.addAttribute("mfa", secondFactors.rules());
        model.addAttribute("roles", Role.GRANTED);
        var rules = sessions.rules();
        model.addAttribute("idleMinutes", rules.idleTimeout().toMinutes());
        model.addAttribute("absoluteHours", rules.absoluteLifetime().toHours());
        for (var field : List.of("titleFr", "titleEn", "textFr", "textEn")) {
            model.addAttribute(field, "");
        }
        model.addAttribute("charter", sessions.charter(locale));
        model.addAttribute("directoryConfigured", directorySync.configured());
        var runs = directorySync.lastRuns(6);
        model.addAttribute("lastRun", runs.isEmpty() ? null : runs.getFirst());
        model.addAttribute("earlierRuns", runs.isEmpty() ? List.of() : runs.subList(1, runs.size()));
        var authors = new LinkedHashMap<AgentId, String>();
        runs.stream()
                .map(SyncRun::startedBy)
                .filter(java.util.Objects::nonNull)
                .forEach(author -> authors.computeIfAbsent(author, directory::displayName));
        model.addAttribute("runAuthors", authors);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "admin/admin";
    }

    @PostMapping("/admin/networks")
    String processNetworks(
            @RequestParam(defaultValue = "") String trustedProxies,
            @RequestParam(defaultValue = "") String vpnNetworks,
            @RequestParam(defaultValue = "") String internalNetworks,
            Principal principal,
            HttpServletRequest request,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        return apply(
                "networks",
                () -> administration.changeZones(
                        admin(principal, request),
                        new NetworkZones(lines(trustedProxies), lines(vpnNetworks), lines(internalNetworks))),
                Map.of(
                        "trustedProxies", trustedProxies,
                        "vpnNetworks", vpnNetworks,
                        "internalNetworks", internalNetworks),
                model,
                locale,
                redirect);
    }

    @PostMapping("/admin/services/{id}")
    String processService(
            @PathVariable String id,
            @RequestParam(name = "channels", required = false) @Nullable List<String> channels,
            @RequestParam(name = "mfa", required = false) @Nullable List<String> mfa,
            @RequestParam(defaultValue = "") String closedDepartments,
            Principal principal,
            HttpServletRequest request,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        var open = channels(channels);
        var assurance = new EnumMap<Channel, Assurance>(Channel.class);
        var strong = channels(mfa);
        for (var channel : Channel.values()) {
            assurance.put(channel, strong.contains(channel) ? Assurance.MFA : Assurance.PASSWORD);
        }
        var closed = lines(closedDepartments.toUpperCase(Locale.ROOT)).stream().collect(Collectors.toSet());
        return apply(
                "service",
                () -> administration.changeOpening(
                        admin(principal, request), id, new ServiceOpening(open, assurance, closed)),
                Map.of(),
                model,
                locale,
                redirect);
    }

    @PostMapping("/admin/lockout")
    String processLockout(
            @RequestParam(defaultValue = "") String threshold,
            @RequestParam(defaultValue = "") String firstLockMinutes,
            @RequestParam(defaultValue = "") String longestLockMinutes,
            @RequestParam(defaultValue = "") String failuresPerAddress,
            Principal principal,
            HttpServletRequest request,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        return apply(
                "lockout",
                () -> administration.changeLockout(
                        admin(principal, request),
                        new AdminForms.Lockout(
                                number(threshold),
                                number(firstLockMinutes),
                                number(longestLockMinutes),
                                number(failuresPerAddress))),
                Map.of(
                        "threshold", threshold,
                        "firstLockMinutes", firstLockMinutes,
                        "longestLockMinutes", longestLockMinutes,
                        "failuresPerAddress", failuresPerAddress),
                model,
                locale,
                redirect);
    }

    @PostMapping("/admin/mfa")
    String processMfa(
            @RequestParam(name = "channelsWithoutMfa", required = false) @Nullable List<String> withoutMfa,
            @RequestParam(name = "alwaysForSensitive", defaultValue = "false") boolean alwaysForSensitive,
            @RequestParam(name = "alwaysForRoles", required = false) @Nullable List<String> roles,
            Principal principal,
            HttpServletRequest request,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        var granted = known(Role.class, roles);
        granted.removeIf(role -> !role.isGranted());
        return apply(
                "mfa",
                () -> administration.changeMfa(
                        admin(principal, request), channels(withoutMfa), alwaysForSensitive, granted),
                Map.of(),
                model,
                locale,
                redirect);
    }

    @PostMapping("/admin/sessions")
    String processSessions(
            @RequestParam(defaultValue = "") String idleMinutes,
            @RequestParam(defaultValue = "") String absoluteHours,
            Principal principal,
            HttpServletRequest request,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        return apply(
                "sessions",
                () -> administration.changeSessions(
                        admin(principal, request), new AdminForms.Sessions(number(idleMinutes), number(absoluteHours))),
                Map.of("idleMinutes", idleMinutes, "absoluteHours", absoluteHours),
                model,
                locale,
                redirect);
    }

    /** A synchronisation with the LDAP directory started now (or a dry run), in the background. */
    @PostMapping("/admin/directory/sync")
    String processDirectorySync(
            @RequestParam(defaultValue = "false") boolean dryRun, Principal principal, RedirectAttributes redirect) {
        var start = directorySync.start(AgentId.of(principal.getName()), dryRun);
        redirect.addFlashAttribute("syncStart", start.name());
        return "redirect:/admin#directory";
    }

    @PostMapping("/admin/charter")
    String processCharter(
            @RequestParam(required = false) @Nullable String titleFr,
            @RequestParam(required = false) @Nullable String titleEn,
            @RequestParam(required = false) @Nullable String textFr,
            @RequestParam(required = false) @Nullable String textEn,
            Principal principal,
            HttpServletRequest request,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        return apply(
                "charter",
                () -> administration.publishCharter(
                        admin(principal, request), new AdminForms.Charter(titleFr, titleEn, textFr, textEn)),
                Map.of(
                        "titleFr", String.valueOf(titleFr == null ? "" : titleFr),
                        "titleEn", String.valueOf(titleEn == null ? "" : titleEn),
                        "textFr", String.valueOf(textFr == null ? "" : textFr),
                        "textEn", String.valueOf(textEn == null ? "" : textEn)),
                model,
                locale,
                redirect);
    }

    private String apply(
            String section,
            Runnable change,
            Map<String, ?> submitted,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            change.run();
        } catch (LiveSettingRejected rejected) {
            var errors = new LinkedHashMap<String, LiveSettingRejected.Problem>();
            rejected.problems().forEach(problem -> errors.putIfAbsent(problem.field(), problem));
            model.addAttribute("errors", errors);
            model.addAttribute("refusedSection", section);
            var attributes = (org.springframework.web.context.request.ServletRequestAttributes)
                    org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes();
            java.util.Objects.requireNonNull(attributes.getResponse()).setStatus(HttpStatus.BAD_REQUEST.value());
            var page = showAdministration(model, locale);
            model.addAllAttributes(submitted);
            return page;
        }
        redirect.addFlashAttribute("changed", section);
        return "redirect:/admin#" + section;
    }

    private Administration.Admin admin(Principal principal, HttpServletRequest request) {
        return new Administration.Admin(AgentId.of(principal.getName()), connections.of(request));
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("[\\s,;]+"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .distinct()
                .toList();
    }

    private static Set<Channel> channels(@Nullable List<String> names) {
        return known(Channel.class, names);
    }

    /** The constants these names name; other names are left out (a form can only send the ones it offers). */
    private static <E extends Enum<E>> EnumSet<E> known(Class<E> type, @Nullable List<String> names) {
        var found = EnumSet.noneOf(type);
        for (var constant : type.getEnumConstants()) {
            if (names != null && names.contains(constant.name())) {
                found.add(constant);
            }
        }
        return found;
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
