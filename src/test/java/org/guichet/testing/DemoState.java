package org.guichet.testing;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Puts demo accounts back as the README describes them, for tests that change them (Jules Garcia's first sign-in can
 * only be walked once), and creates throw-away agents.
 */
public final class DemoState {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    public DemoState(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    /** The demo password again, to be changed at the next sign-in, charter not accepted, nothing locked. */
    public void firstSignInPending(String soi) {
        jdbc.sql("UPDATE password_credential SET password_hash = ?, must_change = TRUE, changed_at = ? WHERE soi = ?")
                .params(encoder.encode(Demo.PASSWORD), Timestamp.from(Instant.now()), soi)
                .update();
        jdbc.sql("DELETE FROM password_history WHERE soi = ?").param(soi).update();
        jdbc.sql("DELETE FROM charter_acceptance WHERE soi = ?").param(soi).update();
        unlockEverything();
    }

    /** Forgets every failure counter, so tests start from a clean slate. */
    public void unlockEverything() {
        jdbc.sql("DELETE FROM login_throttle").update();
        jdbc.sql("DELETE FROM address_throttle").update();
        jdbc.sql("DELETE FROM rate_limit").update();
    }

    /**
     * Gives Camille Martin and Léa Simon back the active remote access of the demo (a test that runs the hourly job with
     * the clock moved a year ahead expires every profile of the shared database, and asks their manager to confirm).
     */
    public void restoreRemoteAccess() {
        var validUntil =
                java.time.LocalDate.now(org.guichet.platform.DisplayZone.ZONE).plusMonths(9);
        for (var soi : java.util.List.of("1000001", "1000008")) {
            jdbc.sql("DELETE FROM nomadic_profile WHERE soi = ?").param(soi).update();
            jdbc.sql("INSERT INTO nomadic_profile (soi, state, reason, requested_at, valid_until, updated_at)"
                            + " VALUES (?, 'ACTIVE', 'Démo', ?, ?, ?)")
                    .params(
                            soi,
                            Timestamp.from(Instant.now()),
                            java.sql.Date.valueOf(validUntil),
                            Timestamp.from(Instant.now()))
                    .update();
        }
        jdbc.sql("DELETE FROM approval WHERE kind = 'nomadic-recertification' AND subject IN ('1000001', '1000008')")
                .update();
    }

    /** An agent of a fresh department with the demo password, who accepted the charter: signs in straight home. */
    public TestData.Block agent(
            org.guichet.directory.DirectoryManagement directory,
            String firstName,
            String extraColumns,
            String extraValues) {
        var block = TestData.block();
        var department = block.department("");
        directory.importDepartments(csv("code;name\n%s;Service d’essai\n".formatted(department)));
        directory.importAgents(csv("soi;first_name;last_name;department%s\n%s;%s;%s;%s%s\n"
                .formatted(extraColumns, block.soi(1), firstName, block.name(), department, extraValues)));
        jdbc.sql(
                        "INSERT INTO password_credential (soi, password_hash, changed_at, must_change) VALUES (?, ?, ?, FALSE)")
                .params(block.soi(1), encoder.encode(Demo.PASSWORD), Timestamp.from(Instant.now()))
                .update();
        jdbc.sql("INSERT INTO charter_acceptance (soi, version, accepted_at, channel) "
                        + "SELECT ?, MAX(version), ?, 'INTERNAL' FROM charter_version")
                .params(block.soi(1), Timestamp.from(Instant.now()))
                .update();
        return block;
    }

    private static java.io.ByteArrayInputStream csv(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
