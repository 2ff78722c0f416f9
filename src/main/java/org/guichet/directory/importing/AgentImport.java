package org.guichet.directory.importing;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.guichet.directory.AgentChanged;
import org.guichet.directory.AgentCreated;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentStatus;
import org.guichet.directory.AgentStatusChanged;
import org.guichet.directory.AgentTransferred;
import org.guichet.directory.ChangeSource;
import org.guichet.directory.DirectorySettings;
import org.guichet.directory.ImportProblem;
import org.guichet.directory.ImportReport;
import org.guichet.directory.Role;
import org.guichet.directory.domain.AgentRecord;
import org.guichet.directory.domain.AgentRepository;
import org.guichet.directory.domain.DepartmentRepository;
import org.guichet.directory.domain.MobileNumbers;
import org.guichet.platform.CsvTable;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Imports agents from CSV (columns in {@link #COLUMNS}; {@code soi}, {@code first_name}, {@code last_name} and {@code
 * department} required). A SOI already stored is updated; a column absent from the file leaves that value as it was.
 * Managers may be stored or further down the file. Each refused row is reported with its line and reason and writes
 * nothing; the other rows are written.
 */
@Component
public class AgentImport extends TreeImport<AgentRecord> {

    static final List<String> COLUMNS = List.of(
            "soi",
            "first_name",
            "last_name",
            "department",
            "manager_soi",
            "job_title",
            "grade",
            "hired_on",
            "mobile",
            "status",
            "roles",
            "sensitive",
            "login",
            "email");
    static final Set<String> REQUIRED = Set.of("soi", "first_name", "last_name", "department");
    private static final Pattern ROLE_SEPARATORS = Pattern.compile("[|,\\s]+");

    private final AgentRepository agents;
    private final DepartmentRepository departments;
    private final ApplicationEventPublisher events;
    private final DirectorySettings settings;

    AgentImport(
            AgentRepository agents,
            DepartmentRepository departments,
            ChunkedWriter writer,
            ApplicationEventPublisher events,
            DirectorySettings settings) {
        super(
                writer,
                ImportReport.Kind.AGENTS,
                COLUMNS,
                REQUIRED,
                new Hierarchy.Problems(
                        ImportProblem.UNKNOWN_MANAGER, ImportProblem.MANAGER_REJECTED, ImportProblem.MANAGEMENT_CYCLE));
        this.agents = agents;
        this.departments = departments;
        this.events = events;
        this.settings = settings;
    }

    /** Up to this many rows, the stored agents are read as the rows need them rather than all at once. */
    static final int FEW_ROWS = 50;

    @Override
    Map<String, AgentRecord> loadStored(CsvTable table) {
        if (table.rows().size() <= FEW_ROWS) {
            return new StoredAgents(
                    agents,
                    table.rows().stream()
                            .map(row -> String.valueOf(row.get("soi")).strip())
                            .distinct()
                            .toList());
        }
        return agents.loadAll();
    }

    @Override
    RowReader<AgentRecord> reader(CsvTable table, Map<String, AgentRecord> stored, ChangeSource source) {
        var owners = stored instanceof StoredAgents few ? few : Identities.Owners.of(stored.values());
        var ownMobiles = source == ChangeSource.IMPORT
                ? Set.<String>of()
                : agents.withVerifiedMobile(stored instanceof StoredAgents few ? few.rows() : null);
        return new AgentRowReader(
                table, stored, owners, ownMobiles, departments.loadAll().keySet(), settings.emailDomain());
    }

    @Override
    String key(AgentRecord agent) {
        return agent.soi();
    }

    @Override
    @Nullable
    String parent(AgentRecord agent) {
        return agent.managerSoi();
    }

    @Override
    String rowKey(CsvTable.Row row) {
        return String.valueOf(row.get("soi"));
    }

    @Override
    void write(List<AgentRecord> chunk, Map<String, AgentRecord> stored, ChangeSource source) {
        agents.insert(chunk.stream().filter(a -> !stored.containsKey(a.soi())).toList());
        agents.update(chunk.stream().filter(a -> stored.containsKey(a.soi())).toList());
        agents.replaceGrantedRoles(chunk.stream()
                .filter(a -> !a.grantedRoles().equals(grantedRolesOf(stored.get(a.soi()))))
                .toList());
        chunk.forEach(agent -> publishChanges(stored.get(agent.soi()), agent, source));
    }

    private static Set<Role> grantedRolesOf(@Nullable AgentRecord agent) {
        return agent == null ? Set.of() : agent.grantedRoles();
    }

    private void publishChanges(@Nullable AgentRecord before, AgentRecord after, ChangeSource source) {
        var id = AgentId.of(after.soi());
        if (before == null) {
            events.publishEvent(new AgentCreated(id, after.departmentCode(), source));
            return;
        }
        var changes = changes(before, after);
        if (!changes.isEmpty()) {
            events.publishEvent(new AgentChanged(id, source, changes));
        }
        if (!before.departmentCode().equals(after.departmentCode())
                || !Objects.equals(before.managerSoi(), after.managerSoi())) {
            events.publishEvent(new AgentTransferred(
                    id,
                    before.departmentCode(),
                    after.departmentCode(),
                    idOrNull(before.managerSoi()),
                    idOrNull(after.managerSoi())));
        }
        if (before.status() != after.status()) {
            events.publishEvent(new AgentStatusChanged(id, before.status(), after.status()));
        }
    }

    /** The values that differ, by column name, before and after. */
    static Map<String, AgentChanged.Change> changes(AgentRecord before, AgentRecord after) {
        var changes = new java.util.TreeMap<String, AgentChanged.Change>();
        for (var column : List.of(FieldOf.values())) {
            var was = column.of(before);
            var is = column.of(after);
            if (!Objects.equals(was, is)) {
                changes.put(column.column, new AgentChanged.Change(was, is));
            }
        }
        return changes;
    }

    /** Each column of a stored agent, as text. */
    private enum FieldOf {
        LOGIN("login", AgentRecord::login),
        EMAIL("email", AgentRecord::email),
        FIRST_NAME("first_name", AgentRecord::firstName),
        LAST_NAME("last_name", AgentRecord::lastName),
        DEPARTMENT("department", AgentRecord::departmentCode),
        MANAGER("manager_soi", AgentRecord::managerSoi),
        JOB_TITLE("job_title", AgentRecord::jobTitle),
        GRADE("grade", AgentRecord::grade),
        HIRED_ON("hired_on", AgentRecord::hiredOn),
        MOBILE("mobile", AgentRecord::mobile),
        STATUS("status", AgentRecord::status),
        SENSITIVE("sensitive", AgentRecord::sensitive),
        ROLES(
                "roles",
                agent -> agent.grantedRoles().stream().map(Role::name).sorted().toList());

        private final String column;
        private final java.util.function.Function<AgentRecord, @Nullable Object> value;

        FieldOf(String column, java.util.function.Function<AgentRecord, @Nullable Object> value) {
            this.column = column;
            this.value = value;
        }

        @Nullable
        String of(AgentRecord agent) {
            var found = value.apply(agent);
            return found == null
                    ? null
                    : found instanceof List<?> list
                            ? String.join(
                                    ",", list.stream().map(String::valueOf).toList())
                            : found.toString();
        }
    }

    private static @Nullable AgentId idOrNull(@Nullable String soi) {
        return soi == null ? null : AgentId.of(soi);
    }

    /** Turns one row into the agent it describes, over what is stored for that SOI. */
    private static final class AgentRowReader implements RowReader<AgentRecord> {

        private final CsvTable table;
        private final Map<String, AgentRecord> stored;
        private final Set<String> departments;
        private final Identities identities;
        private final Set<String> ownMobiles;

        AgentRowReader(
                CsvTable table,
                Map<String, AgentRecord> stored,
                Identities.Owners owners,
                Set<String> ownMobiles,
                Set<String> departments,
                String domain) {
            this.table = table;
            this.stored = stored;
            this.ownMobiles = ownMobiles;
            this.departments = departments;
            this.identities = new Identities(owners, domain);
        }

        @Override
        public AgentRecord read(CsvTable.Row row, Map<String, Long> seen) {
            var fields = new Fields(row);
            var soi = fields.required("soi", 20);
            if (!AgentId.isSoi(soi)) {
                throw new RowRejected(ImportProblem.INVALID_SOI, soi);
            }
            if (seen.containsKey(soi)) {
                throw new RowRejected(ImportProblem.DUPLICATE_IN_FILE, seen.get(soi));
            }
            var before = stored.get(soi);
            var firstName = fields.required("first_name", 100);
            var lastName = fields.required("last_name", 100);
            var department = fields.code("department");
            if (department == null) {
                throw new RowRejected(ImportProblem.MISSING_VALUE, "department");
            }
            if (!departments.contains(department)) {
                throw new RowRejected(ImportProblem.UNKNOWN_DEPARTMENT, department);
            }
            var manager = column("manager_soi", () -> manager(fields, soi), before, AgentRecord::managerSoi, null);
            var jobTitle =
                    column("job_title", () -> fields.optional("job_title", 200), before, AgentRecord::jobTitle, null);
            var grade = column("grade", () -> fields.optional("grade", 200), before, AgentRecord::grade, null);
            var hiredOn = column("hired_on", () -> fields.date("hired_on"), before, AgentRecord::hiredOn, null);
            // a number the agent proved they hold is theirs: a source that is not an import by HR (the HR system's
            // provisioning, the LDAP directory) does not replace it, even with a blank
            var mobile = before != null && before.mobile() != null && ownMobiles.contains(soi)
                    ? before.mobile()
                    : column("mobile", () -> mobile(fields), before, AgentRecord::mobile, null);
            var unchangedStatus = before == null ? AgentStatus.ACTIVE : before.status();
            var status = column("status", () -> status(fields), before, AgentRecord::status, unchangedStatus);
            var roles = column("roles", () -> roles(fields), before, AgentRecord::grantedRoles, Set.<Role>of());
            var sensitive = column("sensitive", () -> fields.bool("sensitive"), before, AgentRecord::sensitive, false);
            var assigned = identities.assign(
                    soi,
                    table.has("login") ? fields.optional("login", 100) : null,
                    table.has("email") ? fields.optional("email", 254) : null,
                    before,
                    firstName,
                    lastName);
            return new AgentRecord(
                    soi,
                    assigned.login(),
                    assigned.email(),
                    firstName,
                    lastName,
                    department,
                    manager,
                    jobTitle,
                    grade,
                    hiredOn,
                    mobile,
                    status,
                    sensitive,
                    roles);
        }

        /** The file's value when it has the column (the default when empty), else the stored one. */
        private <T> T column(
                String column,
                Supplier<T> fromFile,
                @Nullable AgentRecord before,
                java.util.function.Function<AgentRecord, T> storedValue,
                T defaultValue) {
            if (table.has(column)) {
                var value = fromFile.get();
                return value != null ? value : defaultValue;
            }
            if (before != null) {
                var value = storedValue.apply(before);
                return value != null ? value : defaultValue;
            }
            return defaultValue;
        }

        private static @Nullable String manager(Fields fields, String soi) {
            var manager = fields.optional("manager_soi", 20);
            if (manager == null) {
                return null;
            }
            if (!AgentId.isSoi(manager)) {
                throw new RowRejected(ImportProblem.INVALID_SOI, manager);
            }
            if (manager.equals(soi)) {
                throw new RowRejected(ImportProblem.SELF_MANAGED);
            }
            return manager;
        }

        private static @Nullable String mobile(Fields fields) {
            var written = fields.optional("mobile", 30);
            if (written == null) {
                return null;
            }
            return MobileNumbers.normalize(written)
                    .orElseThrow(() -> new RowRejected(ImportProblem.INVALID_MOBILE, written));
        }

        private static @Nullable AgentStatus status(Fields fields) {
            var written = fields.optional("status", 20);
            if (written == null) {
                return null;
            }
            try {
                return AgentStatus.valueOf(written.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new RowRejected(ImportProblem.INVALID_STATUS, written);
            }
        }

        /** Granted roles, separated by {@code |}, {@code ,} or spaces; AGENT and MANAGER are implicit and ignored. */
        private static Set<Role> roles(Fields fields) {
            var written = fields.optional("roles", 200);
            var roles = EnumSet.noneOf(Role.class);
            if (written == null) {
                return roles;
            }
            for (var name : ROLE_SEPARATORS.split(written.strip())) {
                try {
                    var role = Role.valueOf(name.toUpperCase(Locale.ROOT));
                    if (role.isGranted()) {
                        roles.add(role);
                    }
                } catch (IllegalArgumentException e) {
                    throw new RowRejected(ImportProblem.INVALID_ROLE, name);
                }
            }
            return roles;
        }
    }
}
