package org.guichet.directory.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.AgentStatus;
import org.guichet.directory.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Agents and their granted roles. */
@Repository
public class AgentRepository {

    private static final String PROFILE_QUERY = """
            SELECT a.soi, a.login, a.email, a.first_name, a.last_name, a.department_code, d.name AS department_name,
                   a.manager_soi, a.job_title, a.grade, a.hired_on, a.mobile, a.status, a.sensitive,
                   EXISTS (SELECT 1 FROM agent r WHERE r.manager_soi = a.soi AND r.status <> 'DEPARTED') AS manager,
                   (SELECT STRING_AGG(g.role, ',') FROM agent_role g WHERE g.soi = a.soi) AS granted_roles
            FROM agent a JOIN department d ON d.code = a.department_code
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    AgentRepository(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /**
     * The agent, read once per web request: a page asks for its agent from many places (the header, the tiles, the
     * access decisions, the factors) and each would be a query (seven on the home page). Any write to agents in the
     * request forgets what was read. Only requests that came through {@link AgentReadsPerRequest} keep what they read;
     * listeners, jobs and the command line read the database each time.
     */
    public Optional<AgentProfile> findBySoi(String soi) {
        var read = readInThisRequest();
        if (read == null) {
            return findOne("a.soi = ?", soi);
        }
        var known = read.get(soi);
        if (known == null) {
            known = findOne("a.soi = ?", soi);
            read.put(soi, known);
        }
        return known;
    }

    static final String READ_IN_REQUEST = AgentRepository.class.getName() + ".read";

    @SuppressWarnings("unchecked")
    private static @Nullable Map<String, Optional<AgentProfile>> readInThisRequest() {
        var request = RequestContextHolder.getRequestAttributes();
        return request == null
                ? null
                : (Map<String, Optional<AgentProfile>>)
                        request.getAttribute(READ_IN_REQUEST, RequestAttributes.SCOPE_REQUEST);
    }

    /** After a write: the next read in this request goes to the database. */
    private static void forgetRead() {
        var read = readInThisRequest();
        if (read != null) {
            read.clear();
        }
    }

    public Optional<AgentProfile> findByLogin(String login) {
        return findOne("a.login = ?", login);
    }

    public Optional<AgentProfile> findByEmail(String email) {
        return findOne("a.email = ?", email);
    }

    /** Every agent by SOI, handed over one at a time (the whole directory, without holding it). */
    public void forEach(java.util.function.Consumer<AgentProfile> consumer) {
        jdbc.sql(PROFILE_QUERY + " ORDER BY a.soi").withFetchSize(500).query(rs -> {
            consumer.accept(profile(rs));
        });
    }

    /** Active agents holding a granted role (HR, SUPPORT, SECURITY, ADMIN), by name. */
    public java.util.List<AgentProfile> activeWithRole(Role role) {
        return jdbc.sql(PROFILE_QUERY + " WHERE a.status = 'ACTIVE' AND EXISTS (SELECT 1 FROM agent_role r "
                        + "WHERE r.soi = a.soi AND r.role = ?) ORDER BY a.last_name, a.first_name")
                .param(role.name())
                .query((rs, n) -> profile(rs))
                .list();
    }

    /** The accented letters of French and its neighbours, and what a search compares them as. */
    private static final String ACCENTED = "ÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸàâäáãåçéèêëíìîïñóòôöõúùûüýÿ";

    private static final String PLAIN = "AAAAAACEEEEIIIINOOOOOUUUUYYaaaaaaceeeeiiiinooooouuuuyy";

    /** A name as a search compares it, in SQL (PostgreSQL and H2 alike): without accents or ligatures, lower case. */
    private static String comparable(String column) {
        return "LOWER(REPLACE(REPLACE(REPLACE(REPLACE(TRANSLATE(" + column + ", '" + ACCENTED + "', '" + PLAIN
                + "'), 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'))";
    }

    /** Text as a search compares it, in Java: the same folding as {@link #comparable(String)}. */
    static String comparableText(String text) {
        var folded = java.text.Normalizer.normalize(
                        text.replace("œ", "oe")
                                .replace("Œ", "oe")
                                .replace("æ", "ae")
                                .replace("Æ", "ae"),
                        java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return folded.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Agents (whatever their status) whose name, first name then last or last then first, contains the text, whatever
     * the accents and the case: "theo" finds Théo, "LEFEVRE" Lefèvre.
     */
    public java.util.List<AgentProfile> searchByName(String text, int limit) {
        var pattern = "%"
                + comparableText(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql(PROFILE_QUERY + " WHERE " + comparable("a.first_name || ' ' || a.last_name")
                        + " LIKE ? ESCAPE '\\'"
                        + " OR " + comparable("a.last_name || ' ' || a.first_name") + " LIKE ? ESCAPE '\\'"
                        + " ORDER BY a.last_name, a.first_name FETCH FIRST " + limit + " ROWS ONLY")
                .params(pattern, pattern)
                .query((rs, n) -> profile(rs))
                .list();
    }

    /** The agent's direct reports who are still active, by name. */
    public java.util.List<AgentProfile> activeReports(String managerSoi) {
        return jdbc.sql(PROFILE_QUERY
                        + " WHERE a.manager_soi = ? AND a.status = 'ACTIVE' ORDER BY a.last_name, a.first_name")
                .param(managerSoi)
                .query((rs, n) -> profile(rs))
                .list();
    }

    private Optional<AgentProfile> findOne(String condition, String value) {
        return jdbc.sql(PROFILE_QUERY + " WHERE " + condition)
                .param(value)
                .query((rs, n) -> profile(rs))
                .optional();
    }

    /** One row, one query: a look-up never holds a connection while asking for another. */
    private static AgentProfile profile(ResultSet rs) throws SQLException {
        var soi = rs.getString("soi");
        var roles = EnumSet.of(Role.AGENT);
        if (rs.getBoolean("manager")) {
            roles.add(Role.MANAGER);
        }
        var granted = rs.getString("granted_roles");
        if (granted != null) {
            for (var role : granted.split(",")) {
                roles.add(Role.valueOf(role));
            }
        }
        var manager = rs.getString("manager_soi");
        return new AgentProfile(
                AgentId.of(soi),
                rs.getString("login"),
                rs.getString("email"),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("department_code"),
                rs.getString("department_name"),
                manager == null ? null : AgentId.of(manager),
                rs.getString("job_title"),
                rs.getString("grade"),
                rs.getObject("hired_on", java.time.LocalDate.class),
                rs.getString("mobile"),
                AgentStatus.valueOf(rs.getString("status")),
                rs.getBoolean("sensitive"),
                roles);
    }

    /** Every stored agent by SOI, for an import to compare against: one pass over each table. */
    public Map<String, AgentRecord> loadAll() {
        return records("", Map.of());
    }

    /** These agents as an import compares them (those stored; an unknown SOI is left out). */
    public Map<String, AgentRecord> load(java.util.Collection<String> sois) {
        return sois.isEmpty() ? Map.of() : records(" WHERE soi IN (:sois)", Map.of("sois", sois));
    }

    /** The agents (and their granted roles) the condition selects, by SOI. */
    private Map<String, AgentRecord> records(String where, Map<String, ?> parameters) {
        var roles = new HashMap<String, Set<Role>>();
        jdbc.sql("SELECT soi, role FROM agent_role" + where).params(parameters).query(rs -> {
            roles.computeIfAbsent(rs.getString(1), it -> EnumSet.noneOf(Role.class))
                    .add(Role.valueOf(rs.getString(2)));
        });
        var agents = new HashMap<String, AgentRecord>();
        jdbc.sql(RECORDS + where).params(parameters).query(rs -> {
            var record = record(rs, roles);
            agents.put(record.soi(), record);
        });
        return agents;
    }

    /** The SOI of the agent holding this login, if any (logins are stored in lower case). */
    public Optional<String> ownerOfLogin(String login) {
        return jdbc.sql("SELECT soi FROM agent WHERE login = ?")
                .param(login)
                .query(String.class)
                .optional();
    }

    /** The SOI of the agent holding this e-mail address, if any (stored in lower case). */
    public Optional<String> ownerOfEmail(String email) {
        return jdbc.sql("SELECT soi FROM agent WHERE email = ?")
                .param(email)
                .query(String.class)
                .optional();
    }

    private static final String RECORDS = """
            SELECT soi, login, email, first_name, last_name, department_code, manager_soi, job_title, grade, hired_on, mobile,
                   status, sensitive
            FROM agent""";

    private static AgentRecord record(java.sql.ResultSet rs, Map<String, Set<Role>> roles)
            throws java.sql.SQLException {
        var soi = rs.getString("soi");
        return new AgentRecord(
                soi,
                rs.getString("login"),
                rs.getString("email"),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("department_code"),
                rs.getString("manager_soi"),
                rs.getString("job_title"),
                rs.getString("grade"),
                rs.getObject("hired_on", java.time.LocalDate.class),
                rs.getString("mobile"),
                AgentStatus.valueOf(rs.getString("status")),
                rs.getBoolean("sensitive"),
                roles.getOrDefault(soi, Set.of()));
    }

    public void insert(List<AgentRecord> agents) {
        forgetRead();
        var now = Timestamp.from(clock.instant());
        batch.batchUpdate("""
                INSERT INTO agent (soi, login, email, first_name, last_name, department_code, manager_soi, job_title,
                                   mobile, status, sensitive, created_at, updated_at, grade, hired_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", agents, agents.size(), (ps, a) -> {
            ps.setString(14, a.grade());
            ps.setDate(15, a.hiredOn() == null ? null : java.sql.Date.valueOf(a.hiredOn()));
            ps.setString(1, a.soi());
            ps.setString(2, a.login());
            ps.setString(3, a.email());
            ps.setString(4, a.firstName());
            ps.setString(5, a.lastName());
            ps.setString(6, a.departmentCode());
            ps.setString(7, a.managerSoi());
            ps.setString(8, a.jobTitle());
            ps.setString(9, a.mobile());
            ps.setString(10, a.status().name());
            ps.setBoolean(11, a.sensitive());
            ps.setTimestamp(12, now);
            ps.setTimestamp(13, now);
        });
    }

    public void update(List<AgentRecord> agents) {
        forgetRead();
        var now = Timestamp.from(clock.instant());
        batch.batchUpdate("""
                UPDATE agent SET login = ?, email = ?, first_name = ?, last_name = ?, department_code = ?,
                                 manager_soi = ?, job_title = ?, mobile = ?, status = ?, sensitive = ?, updated_at = ?,
                                 grade = ?, hired_on = ?,
                                 mobile_verified_at = CASE WHEN mobile = ? THEN mobile_verified_at END
                WHERE soi = ?""", agents, agents.size(), (ps, a) -> {
            ps.setString(12, a.grade());
            ps.setDate(13, a.hiredOn() == null ? null : java.sql.Date.valueOf(a.hiredOn()));
            ps.setString(1, a.login());
            ps.setString(2, a.email());
            ps.setString(3, a.firstName());
            ps.setString(4, a.lastName());
            ps.setString(5, a.departmentCode());
            ps.setString(6, a.managerSoi());
            ps.setString(7, a.jobTitle());
            ps.setString(8, a.mobile());
            ps.setString(9, a.status().name());
            ps.setBoolean(10, a.sensitive());
            ps.setTimestamp(11, now);
            ps.setString(14, a.mobile());
            ps.setString(15, a.soi());
        });
    }

    /** The agent's mobile, which they proved they hold. */
    public void updateMobile(String soi, String mobile) {
        forgetRead();
        var now = Timestamp.from(clock.instant());
        jdbc.sql("UPDATE agent SET mobile = ?, mobile_verified_at = ?, updated_at = ? WHERE soi = ?")
                .params(mobile, now, now, soi)
                .update();
    }

    /** Which of these agents proved they hold their mobile ({@link #updateMobile}); all of them when {@code null}. */
    public Set<String> withVerifiedMobile(@Nullable Collection<String> sois) {
        if (sois != null && sois.isEmpty()) {
            return Set.of();
        }
        var sql = "SELECT soi FROM agent WHERE mobile_verified_at IS NOT NULL";
        var query = sois == null
                ? jdbc.sql(sql)
                : jdbc.sql(sql + " AND soi IN (:sois)").param("sois", sois);
        return new java.util.HashSet<>(query.query(String.class).list());
    }

    /** Makes the granted roles of these agents exactly the ones they carry. */
    public void replaceGrantedRoles(Collection<AgentRecord> agents) {
        forgetRead();
        batch.batchUpdate(
                "DELETE FROM agent_role WHERE soi = ?", agents, agents.size(), (ps, a) -> ps.setString(1, a.soi()));
        var grants = agents.stream()
                .flatMap(a -> a.grantedRoles().stream().map(role -> Map.entry(a.soi(), role)))
                .toList();
        batch.batchUpdate("INSERT INTO agent_role (soi, role) VALUES (?, ?)", grants, grants.size(), (ps, grant) -> {
            ps.setString(1, grant.getKey());
            ps.setString(2, grant.getValue().name());
        });
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM agent").query(Long.class).single();
    }

    /** How many active agents report to this one. */
    public long countReports(String soi) {
        return jdbc.sql("SELECT COUNT(*) FROM agent WHERE manager_soi = ? AND status = 'ACTIVE'")
                .param(soi)
                .query(Long.class)
                .single();
    }
}
