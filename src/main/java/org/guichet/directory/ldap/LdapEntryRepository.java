package org.guichet.directory.ldap;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The agents a synchronisation brought in ({@code ldap_entry}): their entry's DN, when it was last seen. */
@Repository
class LdapEntryRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    LdapEntryRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Set<String> known() {
        return jdbc.sql("SELECT soi FROM ldap_entry").query(String.class).list().stream()
                .collect(Collectors.toSet());
    }

    /** The DN of each agent's entry, by SOI. */
    Map<String, String> dns() {
        var dns = new java.util.HashMap<String, String>();
        jdbc.sql("SELECT soi, dn FROM ldap_entry").query(rs -> {
            dns.put(rs.getString(1), rs.getString(2));
        });
        return dns;
    }

    /** The DN of the agent's entry, when a synchronisation brought them in. */
    java.util.Optional<String> dn(String soi) {
        return jdbc.sql("SELECT dn FROM ldap_entry WHERE soi = ?")
                .param(soi)
                .query(String.class)
                .optional();
    }

    /** Records these agents' entries (SOI to DN) as seen now. */
    void seen(Map<String, String> entries, Instant now) {
        var at = Timestamp.from(now);
        var existing = known();
        batch.batchUpdate(
                "UPDATE ldap_entry SET dn = ?, seen_at = ? WHERE soi = ?",
                entries.entrySet().stream()
                        .filter(entry -> existing.contains(entry.getKey()))
                        .map(entry -> new Object[] {entry.getValue(), at, entry.getKey()})
                        .toList());
        batch.batchUpdate(
                "INSERT INTO ldap_entry (soi, dn, seen_at) VALUES (?, ?, ?)",
                entries.entrySet().stream()
                        .filter(entry -> !existing.contains(entry.getKey()))
                        .map(entry -> new Object[] {entry.getKey(), entry.getValue(), at})
                        .toList());
    }

    /** Forgets the entries of these agents (they left). */
    void forget(Collection<String> sois) {
        batch.batchUpdate(
                "DELETE FROM ldap_entry WHERE soi = ?",
                sois.stream().map(soi -> new Object[] {soi}).toList());
    }
}
