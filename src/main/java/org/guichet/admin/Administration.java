package org.guichet.admin;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.guichet.access.ServiceCatalogue;
import org.guichet.access.ServiceDefinition;
import org.guichet.access.ServiceOpening;
import org.guichet.audit.Journal;
import org.guichet.audit.NewEntry;
import org.guichet.directory.AgentId;
import org.guichet.identity.IdentityManagement;
import org.guichet.identity.IdentitySettings;
import org.guichet.identity.SecondFactors;
import org.guichet.network.Channel;
import org.guichet.network.ClientConnection;
import org.guichet.network.ClientConnections;
import org.guichet.network.NetworkZones;
import org.guichet.network.Networks;
import org.guichet.platform.LiveSettingRejected;
import org.guichet.session.SessionManagement;
import org.guichet.session.SessionRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The settings administrators change while Guichet runs. Administration turns each form into its owner's command:
 * the form's own bounds and the administrator's safety (not locking themselves out) are checked here, then the module
 * that owns the setting checks it by its own rules and stores it as a live setting every node applies within seconds;
 * nothing is written when one field is wrong. Each change is journaled with its author, address, and the value before
 * and after, in the same transaction.
 */
@Service
public class Administration {

    private final ClientConnections connections;
    private final ServiceCatalogue catalogue;
    private final IdentityManagement identity;
    private final SecondFactors secondFactors;
    private final SessionManagement sessions;
    private final Journal journal;
    private final Clock clock;
    private final Validator validator;

    Administration(
            ClientConnections connections,
            ServiceCatalogue catalogue,
            IdentityManagement identity,
            SecondFactors secondFactors,
            SessionManagement sessions,
            Journal journal,
            Clock clock,
            Validator validator) {
        this.connections = connections;
        this.catalogue = catalogue;
        this.identity = identity;
        this.secondFactors = secondFactors;
        this.sessions = sessions;
        this.journal = journal;
        this.clock = clock;
        this.validator = validator;
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
        var problems = ClientConnections.problems(zones);
        if (problems.isEmpty() && !stillInternal(zones, by.connection().address())) {
            problems.add(new LiveSettingRejected.Problem(
                    "internalNetworks",
                    "admin.error.lockedOut",
                    List.of(by.connection().address())));
        }
        LiveSettingRejected.refuseIf(problems);
        var before = connections.zones();
        connections.changeZones(zones, by.agent().soi());
        journal(by, NetworkZones.LIVE, before, zones);
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
                .orElseThrow(() -> new LiveSettingRejected(
                        List.of(new LiveSettingRejected.Problem("service", "admin.error.serviceUnknown", List.of()))));
        catalogue.changeOpening(serviceId, opening, by.agent().soi());
        journal(by, ServiceOpening.live(serviceId), ServiceOpening.of(service), opening);
    }

    @Transactional
    public void changeLockout(Admin by, AdminForms.Lockout form) {
        var problems = validate(form);
        if (problems.isEmpty() && form.longestLockMinutes() < form.firstLockMinutes()) {
            problems.add(new LiveSettingRejected.Problem(
                    "longestLockMinutes",
                    "admin.error.range",
                    List.of(Integer.toString(form.firstLockMinutes()), Integer.toString(24 * 60))));
        }
        LiveSettingRejected.refuseIf(problems);
        var current = identity.lockoutRules();
        var rules = new IdentitySettings.Lockout(
                form.threshold(),
                Duration.ofMinutes(form.firstLockMinutes()),
                Duration.ofMinutes(form.longestLockMinutes()),
                current.forgetAfter(),
                form.failuresPerAddress(),
                current.trustedDeviceLifetime());
        identity.changeLockout(rules, by.agent().soi());
        journal(by, IdentitySettings.LIVE_LOCKOUT, current, rules);
    }

    @Transactional
    public void changeMfa(
            Admin by,
            java.util.Set<Channel> withoutMfa,
            boolean alwaysForSensitive,
            java.util.Set<org.guichet.directory.Role> alwaysForRoles) {
        var current = secondFactors.rules();
        var rules = new IdentitySettings.Mfa(
                withoutMfa, alwaysForSensitive, alwaysForRoles, current.stepUpWindow(), current.codeFailures());
        secondFactors.changeRules(rules, by.agent().soi());
        journal(by, IdentitySettings.LIVE_MFA, current, rules);
    }

    @Transactional
    public void changeSessions(Admin by, AdminForms.Sessions form) {
        var problems = validate(form);
        if (problems.isEmpty() && form.idleMinutes() > form.absoluteHours() * 60) {
            problems.add(
                    new LiveSettingRejected.Problem("idleMinutes", "admin.error.idleLongerThanLifetime", List.of()));
        }
        LiveSettingRejected.refuseIf(problems);
        var current = sessions.rules();
        var rules = new SessionRules(Duration.ofMinutes(form.idleMinutes()), Duration.ofHours(form.absoluteHours()));
        sessions.changeRules(rules, by.agent().soi());
        journal(by, SessionRules.LIVE, current, rules);
    }

    @Transactional
    public int publishCharter(Admin by, AdminForms.Charter form) {
        LiveSettingRejected.refuseIf(validate(form));
        var version = sessions.publishCharter(
                Objects.requireNonNull(form.titleFr()),
                Objects.requireNonNull(form.titleEn()),
                Objects.requireNonNull(form.textFr()),
                Objects.requireNonNull(form.textEn()));
        record(by, "CharterPublished", Map.of("version", version, "title", form.titleFr()));
        return version;
    }

    /**
     * The problems Bean Validation finds in a form, one per field in the order of the form's components: the
     * constraint's message is the sentence's key, and a constraint with bounds gives them as its arguments.
     */
    private List<LiveSettingRejected.Problem> validate(Record form) {
        var order = Arrays.stream(form.getClass().getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        var byField = new LinkedHashMap<String, LiveSettingRejected.Problem>();
        validator.validate(form).stream()
                .sorted(Comparator.comparingInt((ConstraintViolation<Record> violation) ->
                        order.indexOf(violation.getPropertyPath().toString())))
                .forEach(violation ->
                        byField.putIfAbsent(violation.getPropertyPath().toString(), problem(violation)));
        return new ArrayList<>(byField.values());
    }

    private static LiveSettingRejected.Problem problem(ConstraintViolation<?> violation) {
        var template = violation.getMessageTemplate();
        var key = template.substring(1, template.length() - 1);
        var attributes = violation.getConstraintDescriptor().getAttributes();
        var arguments = attributes.containsKey("min") && attributes.containsKey("max")
                ? List.of(String.valueOf(attributes.get("min")), String.valueOf(attributes.get("max")))
                : List.<String>of();
        return new LiveSettingRejected.Problem(violation.getPropertyPath().toString(), key, arguments);
    }

    /** Journals a setting its owner changed, with the value before and after. */
    private void journal(Admin by, String setting, Object before, Object after) {
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
                details,
                false));
    }
}
