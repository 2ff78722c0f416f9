package org.guichet.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.guichet.access.Channel;
import org.guichet.access.ClientConnection;
import org.guichet.access.ClientConnections;
import org.guichet.access.NetworkZones;
import org.guichet.access.Networks;
import org.guichet.access.ServiceCatalogue;
import org.guichet.access.ServiceDefinition;
import org.guichet.access.ServiceOpening;
import org.guichet.audit.Journal;
import org.guichet.audit.NewEntry;
import org.guichet.directory.AgentId;
import org.guichet.identity.IdentityManagement;
import org.guichet.identity.IdentitySettings;
import org.guichet.identity.SecondFactors;
import org.guichet.platform.LiveSettings;
import org.guichet.session.SessionManagement;
import org.guichet.session.SessionRules;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The settings administrators change while Guichet runs. Each change is checked whole (nothing is written when one
 * field is wrong), stored as a live setting that every node applies within seconds, and journaled with its author,
 * address, and the value before and after, in one transaction.
 */
@Service
public class Administration {

    private static final Pattern DEPARTMENT = Pattern.compile("[A-Z0-9_-]{1,20}");

    private final LiveSettings live;
    private final ClientConnections connections;
    private final ServiceCatalogue catalogue;
    private final IdentityManagement identity;
    private final SecondFactors secondFactors;
    private final SessionManagement sessions;
    private final Journal journal;
    private final Clock clock;

    Administration(
            LiveSettings live,
            ClientConnections connections,
            ServiceCatalogue catalogue,
            IdentityManagement identity,
            SecondFactors secondFactors,
            SessionManagement sessions,
            Journal journal,
            Clock clock) {
        this.live = live;
        this.connections = connections;
        this.catalogue = catalogue;
        this.identity = identity;
        this.secondFactors = secondFactors;
        this.sessions = sessions;
        this.journal = journal;
        this.clock = clock;
    }

    /** The administrator at work, and where from. */
    public record Admin(AgentId agent, ClientConnection connection) {}

    /** The services whose opening may be changed here: every one but the back offices, which a role guards. */
    public List<ServiceDefinition> editableServices() {
        return catalogue.all().stream()
                .filter(service -> service.roles().isEmpty())
                .toList();
    }

    @Transactional
    public void changeZones(Admin by, NetworkZones zones) {
        var problems = new ArrayList<AdminRejected.Problem>();
        check(problems, "trustedProxies", zones.trustedProxies());
        check(problems, "vpnNetworks", zones.vpnNetworks());
        check(problems, "internalNetworks", zones.internalNetworks());
        if (problems.isEmpty() && !stillInternal(zones, by.connection().address())) {
            problems.add(new AdminRejected.Problem(
                    "internalNetworks",
                    "admin.error.lockedOut",
                    List.of(by.connection().address())));
        }
        refuseIf(problems);
        change(by, NetworkZones.LIVE, connections.zones(), zones);
    }

    private static boolean stillInternal(NetworkZones zones, String address) {
        return new Networks(zones.internalNetworks()).contains(address)
                && !new Networks(zones.vpnNetworks()).contains(address);
    }

    @Transactional
    public void changeOpening(Admin by, String serviceId, ServiceOpening opening) {
        var service = editableServices().stream()
                .filter(candidate -> candidate.id().equals(serviceId))
                .findFirst()
                .orElseThrow(() -> new AdminRejected(
                        List.of(new AdminRejected.Problem("service", "admin.error.serviceUnknown", List.of()))));
        var problems = new ArrayList<AdminRejected.Problem>();
        if (opening.channels().isEmpty()) {
            problems.add(new AdminRejected.Problem("channels", "admin.error.channelsEmpty", List.of()));
        }
        var wrong = opening.closedDepartments().stream()
                .filter(code -> !DEPARTMENT.matcher(code).matches())
                .toList();
        if (!wrong.isEmpty()) {
            problems.add(new AdminRejected.Problem(
                    "closedDepartments", "admin.error.departments", List.of(String.join(", ", wrong))));
        }
        refuseIf(problems);
        change(by, ServiceOpening.live(serviceId), ServiceOpening.of(service), opening);
    }

    @Transactional
    public void changeLockout(Admin by, int threshold, int firstLockMinutes, int longestLockMinutes, int perAddress) {
        var problems = new ArrayList<AdminRejected.Problem>();
        range(problems, "threshold", threshold, 3, 20);
        range(problems, "firstLockMinutes", firstLockMinutes, 1, 60);
        range(problems, "longestLockMinutes", longestLockMinutes, Math.max(firstLockMinutes, 1), 24 * 60);
        range(problems, "failuresPerAddress", perAddress, 10, 10_000);
        refuseIf(problems);
        var current = identity.lockoutRules();
        change(
                by,
                IdentitySettings.LIVE_LOCKOUT,
                current,
                new IdentitySettings.Lockout(
                        threshold,
                        Duration.ofMinutes(firstLockMinutes),
                        Duration.ofMinutes(longestLockMinutes),
                        current.forgetAfter(),
                        perAddress,
                        current.trustedDeviceLifetime()));
    }

    @Transactional
    public void changeMfa(
            Admin by,
            java.util.Set<Channel> withoutMfa,
            boolean alwaysForSensitive,
            java.util.Set<org.guichet.directory.Role> alwaysForRoles) {
        if (withoutMfa.contains(Channel.NOMADIC)) {
            throw new AdminRejected(
                    List.of(new AdminRejected.Problem("channelsWithoutMfa", "admin.error.mfaFromInternet", List.of())));
        }
        var current = secondFactors.rules();
        change(
                by,
                IdentitySettings.LIVE_MFA,
                current,
                new IdentitySettings.Mfa(
                        withoutMfa,
                        alwaysForSensitive,
                        alwaysForRoles,
                        current.stepUpWindow(),
                        current.codeFailures()));
    }

    @Transactional
    public void changeSessions(Admin by, int idleMinutes, int absoluteHours) {
        var problems = new ArrayList<AdminRejected.Problem>();
        range(problems, "idleMinutes", idleMinutes, 5, 240);
        range(problems, "absoluteHours", absoluteHours, 1, 24);
        if (problems.isEmpty() && idleMinutes > absoluteHours * 60) {
            problems.add(new AdminRejected.Problem("idleMinutes", "admin.error.idleLongerThanLifetime", List.of()));
        }
        refuseIf(problems);
        change(
                by,
                SessionRules.LIVE,
                sessions.rules(),
                new SessionRules(Duration.ofMinutes(idleMinutes), Duration.ofHours(absoluteHours)));
    }

    @Transactional
    public int publishCharter(
            Admin by,
            @Nullable String titleFr,
            @Nullable String titleEn,
            @Nullable String textFr,
            @Nullable String textEn) {
        var problems = new ArrayList<AdminRejected.Problem>();
        var fields = new LinkedHashMap<String, @Nullable String>();
        fields.put("titleFr", titleFr);
        fields.put("titleEn", titleEn);
        fields.put("textFr", textFr);
        fields.put("textEn", textEn);
        fields.forEach((field, value) -> {
            var length = value == null ? 0 : value.strip().length();
            var title = field.startsWith("title");
            if (length < (title ? 3 : 20) || length > (title ? 200 : 20_000)) {
                problems.add(new AdminRejected.Problem(
                        field, title ? "admin.error.charterTitle" : "admin.error.charterText", List.of()));
            }
        });
        refuseIf(problems);
        var version = sessions.publishCharter(titleFr.strip(), titleEn.strip(), textFr.strip(), textEn.strip());
        record(by, "CharterPublished", Map.of("version", version, "title", titleFr.strip()));
        return version;
    }

    private void change(Admin by, String setting, Object before, Object after) {
        live.put(setting, after, by.agent().soi());
        record(by, "AdminSettingChanged", Map.of("setting", setting, "before", before, "after", after));
    }

    private void record(Admin by, String type, Map<String, ?> details) {
        journal.record(new NewEntry(
                clock.instant(),
                type,
                by.agent().soi(),
                null,
                by.connection().address(),
                by.connection().channel().name(),
                details));
    }

    private static void check(List<AdminRejected.Problem> problems, String field, List<String> ranges) {
        var invalid = Networks.invalid(ranges);
        if (!invalid.isEmpty()) {
            problems.add(new AdminRejected.Problem(field, "admin.error.networks", List.of(String.join(", ", invalid))));
        }
    }

    private static void range(List<AdminRejected.Problem> problems, String field, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(new AdminRejected.Problem(
                    field, "admin.error.range", List.of(Integer.toString(min), Integer.toString(max))));
        }
    }

    private static void refuseIf(List<AdminRejected.Problem> problems) {
        if (!problems.isEmpty()) {
            throw new AdminRejected(problems);
        }
    }
}
