package org.guichet.directory;

import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import org.guichet.directory.domain.AgentRepository;
import org.guichet.directory.domain.MobileNumbers;
import org.guichet.directory.importing.AgentImport;
import org.guichet.directory.importing.DepartmentImport;
import org.guichet.directory.importing.Rows;
import org.guichet.directory.ldap.LdapPasswords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/** What other modules may ask of the directory. */
@Service
public class DirectoryManagement {

    private final AgentRepository agents;
    private final DepartmentImport departmentImport;
    private final AgentImport agentImport;
    private final LdapPasswords ldapPasswords;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    DirectoryManagement(
            AgentRepository agents,
            DepartmentImport departmentImport,
            AgentImport agentImport,
            LdapPasswords ldapPasswords,
            io.micrometer.core.instrument.MeterRegistry meters) {
        Assert.notNull(agents, "agents must not be null");
        this.agents = agents;
        this.departmentImport = departmentImport;
        this.agentImport = agentImport;
        this.ldapPasswords = ldapPasswords;
        this.meters = meters;
    }

    /**
     * What the administration's directory says of this password, when the agent's password lives there (an agent a
     * synchronisation brought in, with {@code guichet.directory.ldap.passwords}); nothing otherwise, and Guichet's own
     * password is the one.
     */
    public Optional<DirectoryPassword> checkDirectoryPassword(AgentId agent, String password) {
        return ldapPasswords.check(agent, password);
    }

    /**
     * Writes the agent's new password to the administration's directory, when their password lives there and Guichet
     * is configured to write it ({@code guichet.directory.ldap.password-write-back}).
     */
    public DirectoryPasswordChange writeDirectoryPassword(AgentId agent, String password) {
        return ldapPasswords.write(agent, password);
    }

    /** Whether the agent's password lives in the administration's directory (and is changed there). */
    public boolean passwordInDirectory(AgentId agent) {
        return ldapPasswords.holds(agent);
    }

    /**
     * Finds an agent by what they type to sign in: their SOI (7 digits), login or e-mail address, in any case and
     * with surrounding spaces.
     */
    public Optional<AgentProfile> findByIdentifier(String identifier) {
        var normalized = identifier.strip().toLowerCase(Locale.ROOT);
        if (normalized.isEmpty() || normalized.length() > 254) {
            return Optional.empty();
        }
        if (AgentId.isSoi(normalized)) {
            return agents.findBySoi(normalized);
        }
        return normalized.contains("@") ? agents.findByEmail(normalized) : agents.findByLogin(normalized);
    }

    public Optional<AgentProfile> findById(AgentId id) {
        return agents.findBySoi(id.soi());
    }

    /**
     * The agents a person looks for (the helpdesk): the one an identifier names (SOI, login, e-mail), else those whose
     * name contains the text, at most {@code limit}, by name.
     */
    public java.util.List<AgentProfile> search(String text, int limit) {
        var stripped = text.strip();
        if (stripped.length() < 2 || stripped.length() > 100) {
            return java.util.List.of();
        }
        var exact = findByIdentifier(stripped);
        return exact.map(java.util.List::of).orElseGet(() -> agents.searchByName(stripped, limit));
    }

    /** The active agents holding a granted role, by name (e.g. everyone in HR, to tell them of their queue). */
    public java.util.List<AgentProfile> withRole(Role role) {
        return agents.activeWithRole(role);
    }

    /** A manager's active direct reports, by name. */
    public java.util.List<AgentProfile> reports(AgentId manager) {
        return agents.activeReports(manager.soi());
    }

    /** The agent's name as pages and mails show it; their SOI when they are gone from the directory. */
    public String displayName(AgentId id) {
        return findById(id).map(AgentProfile::displayName).orElse(id.soi());
    }

    /**
     * A mobile number as written by a person ({@code 06 39 98 12 34}, {@code +33 6…}, a foreign number), in E.164;
     * empty when it is not a mobile number (French numbers must start with 06 or 07).
     */
    public Optional<String> normalizeMobile(String written) {
        return written.length() > 30 ? Optional.empty() : MobileNumbers.normalize(written);
    }

    /** Replaces the agent's mobile number (E.164), once they proved they hold the new one. */
    @Transactional
    public void changeMobile(AgentId id, String e164) {
        var number = MobileNumbers.normalize(e164)
                .filter(e164::equals)
                .orElseThrow(() -> new IllegalArgumentException("Not an E.164 mobile number"));
        agents.updateMobile(id.soi(), number);
    }

    /** Hands every agent to the consumer, by SOI, in one read (the provisioning's searches). */
    @Transactional(readOnly = true)
    public void forEachAgent(java.util.function.Consumer<AgentProfile> consumer) {
        agents.forEach(consumer);
    }

    /** Imports departments from CSV ({@code code;name;parent}); see the README for the format. */
    public ImportReport importDepartments(InputStream csv) {
        return departmentImport.run(csv, ChangeSource.IMPORT);
    }

    /** Imports agents from CSV; departments must be imported first. See the README for the format. */
    public ImportReport importAgents(InputStream csv) {
        return counted(agentImport.run(csv, ChangeSource.IMPORT), ChangeSource.IMPORT);
    }

    /**
     * Writes agents given as rows of the import's columns ({@code soi}, {@code first_name}, {@code department}…), from
     * this source (the HR system's provisioning, a directory's synchronisation): the import's checks and events, the
     * journal saying where each change came from. A column no row names leaves that value as it was.
     */
    public ImportReport importAgents(java.util.List<java.util.Map<String, String>> rows, ChangeSource source) {
        if (rows.isEmpty()) {
            return nothing();
        }
        return counted(agentImport.run(Rows.csv(rows), source), source);
    }

    private static ImportReport nothing() {
        return new ImportReport(ImportReport.Kind.AGENTS, 0, 0, 0, 0, java.util.List.of(), java.time.Duration.ZERO);
    }

    /** Counts what a write from a source did ({@code guichet_directory_changes_total} by source and outcome). */
    private ImportReport counted(ImportReport report, ChangeSource source) {
        count(source, "created", report.created());
        count(source, "updated", report.updated());
        count(source, "unchanged", report.unchanged());
        count(source, "refused", report.rejected().size());
        return report;
    }

    private void count(ChangeSource source, String outcome, int amount) {
        meters.counter("guichet.directory.changes", "source", source.name(), "outcome", outcome)
                .increment(amount);
    }

    /** What {@link #importAgents(java.util.List, ChangeSource)} would do with these rows, writing nothing. */
    public ImportReport planAgents(java.util.List<java.util.Map<String, String>> rows, ChangeSource source) {
        return rows.isEmpty() ? nothing() : agentImport.run(Rows.csv(rows), source, true);
    }
}
