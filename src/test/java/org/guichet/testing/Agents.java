package org.guichet.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.factor.sms.SmsFactors;
import org.guichet.identity.factor.totp.TotpService;
import org.guichet.identity.password.VerifiedMobiles;
import org.guichet.platform.DisplayZone;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the agents a test changes, so that the demo organisation stays as the README describes it ({@link
 * DemoFingerprint} fails a class that changes it). Each agent has a department of their own, the demo password, the
 * charter accepted, and what the test asks for:
 *
 * <pre>{@code
 * var manager = agents.create().named("Maëlle").build();
 * var agent = agents.create().withManager(manager).withTotp().withRemoteAccess().build();
 * }</pre>
 */
@Component
public class Agents {

    private final DirectoryManagement directory;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final TotpService totp;
    private final VerifiedMobiles mobiles;
    private final SmsFactors smsFactors;
    private final Clock clock;

    Agents(
            DirectoryManagement directory,
            JdbcClient jdbc,
            PasswordEncoder encoder,
            TotpService totp,
            VerifiedMobiles mobiles,
            SmsFactors smsFactors,
            Clock clock) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.totp = totp;
        this.mobiles = mobiles;
        this.smsFactors = smsFactors;
        this.clock = clock;
    }

    /** An agent to describe, then {@link Builder#build()}. */
    public Builder create() {
        return new Builder();
    }

    /** An agent a test created: SOI, login and e-mail as the directory gave them. */
    public record TestAgent(
            String soi,
            String login,
            String email,
            String firstName,
            String lastName,
            String department,
            TestData.Block block) {

        public AgentId id() {
            return AgentId.of(soi);
        }

        /** "First Last", as pages write the agent's name. */
        public String fullName() {
            return firstName + " " + lastName;
        }
    }

    /** What the agent has; every option is off until asked for. */
    public final class Builder {

        private String firstName = "Agent";
        private TestAgent manager;
        private final Set<String> roles = new LinkedHashSet<>();
        private boolean mobile;
        private String mobileNumber;
        private boolean sms;
        private boolean sensitive;
        private boolean totpApp;
        private boolean remoteAccess;
        private boolean charter = true;
        private boolean password = true;
        private boolean mustChangePassword;
        private String jobTitle = "Agent d’essai";
        private String grade = "";
        private java.time.LocalDate hiredOn;

        private Builder() {}

        /** The first name (the last name is unique to the test's block). */
        public Builder named(String firstName) {
            this.firstName = firstName;
            return this;
        }

        /** Reports to this agent, who then is a manager. */
        public Builder withManager(TestAgent manager) {
            this.manager = manager;
            return this;
        }

        /** Granted roles: HR, SUPPORT, SECURITY, ADMIN. */
        public Builder withRoles(String... roles) {
            this.roles.addAll(List.of(roles));
            return this;
        }

        /** A mobile number in the directory (not verified). */
        public Builder withMobile() {
            this.mobile = true;
            return this;
        }

        /** This mobile number in the directory (not verified), as the HR export writes it ("06 39 98 77 66"). */
        public Builder withMobile(String number) {
            this.mobile = true;
            this.mobileNumber = number;
            return this;
        }

        /** A verified mobile and SMS as a second factor. */
        public Builder withSms() {
            this.mobile = true;
            this.sms = true;
            return this;
        }

        /** A sensitive profile: a second factor is required everywhere. */
        public Builder sensitive() {
            this.sensitive = true;
            return this;
        }

        /** An authenticator app with the demo key ({@link Totp#demo}). */
        public Builder withTotp() {
            this.totpApp = true;
            return this;
        }

        /** Remote access active, for a year. */
        public Builder withRemoteAccess() {
            this.remoteAccess = true;
            return this;
        }

        /** Has not accepted the charter yet. */
        public Builder withoutCharter() {
            this.charter = false;
            return this;
        }

        /** Has no password yet. */
        public Builder withoutPassword() {
            this.password = false;
            return this;
        }

        /** Must choose a new password at the next sign-in (a new agent). */
        public Builder mustChangePassword() {
            this.mustChangePassword = true;
            return this;
        }

        public Builder jobTitle(String jobTitle) {
            this.jobTitle = jobTitle;
            return this;
        }

        /** The grade and hire date, as the HR system exports them (certificates state them). */
        public Builder grade(String grade, java.time.LocalDate hiredOn) {
            this.grade = grade;
            this.hiredOn = hiredOn;
            return this;
        }

        public TestAgent build() {
            var block = TestData.block();
            var soi = block.soi(1);
            var department = block.department("");
            directory.importDepartments(csv("code;name\n%s;Service d’essai %s\n".formatted(department, block.name())));
            var number = !mobile
                    ? ""
                    : mobileNumber != null
                            ? mobileNumber
                            : "06 39 %02d %02d %02d".formatted(block.number() % 100, block.number() / 100 % 100, 1);
            directory.importAgents(csv(
                    "soi;first_name;last_name;department;manager_soi;job_title;grade;hired_on;mobile;roles;sensitive\n"
                            + "%s;%s;%s;%s;%s;%s;%s;%s;%s;%s;%s\n"
                                    .formatted(
                                            soi,
                                            firstName,
                                            block.name(),
                                            department,
                                            manager == null ? "" : manager.soi(),
                                            jobTitle,
                                            grade,
                                            hiredOn == null ? "" : hiredOn.toString(),
                                            number,
                                            String.join(",", roles),
                                            sensitive)));
            var now = Timestamp.from(clock.instant());
            if (password) {
                jdbc.sql(
                                "INSERT INTO password_credential (soi, password_hash, changed_at, must_change) VALUES (?, ?, ?, ?)")
                        .params(soi, encoder.encode(Demo.PASSWORD), now, mustChangePassword)
                        .update();
            }
            if (charter) {
                jdbc.sql("INSERT INTO charter_acceptance (soi, version, accepted_at, channel) "
                                + "SELECT ?, MAX(version), ?, 'INTERNAL' FROM charter_version")
                        .params(soi, now)
                        .update();
            }
            var profile = profile(soi);
            if (sms) {
                mobiles.verified(soi, profile.mobile());
                smsFactors.add(profile(soi), "SMS");
            }
            if (totpApp) {
                totp.importKey(AgentId.of(soi), Totp.DEMO_KEY, "Démo");
            }
            if (remoteAccess) {
                var today = DisplayZone.today(clock);
                jdbc.sql("""
                                INSERT INTO nomadic_profile (soi, state, reason, approver_soi, requested_at, valid_until,
                                    updated_at)
                                VALUES (?, 'ACTIVE', 'Essai', NULL, ?, ?, ?)""")
                        .params(soi, now, Date.valueOf(today.plusYears(1)), now)
                        .update();
                jdbc.sql("INSERT INTO nomadic_profile_step (soi, at, step) VALUES (?, ?, 'ACTIVATED')")
                        .params(soi, now)
                        .update();
            }
            return new TestAgent(soi, profile.login(), profile.email(), firstName, block.name(), department, block);
        }

        private AgentProfile profile(String soi) {
            return directory.findById(AgentId.of(soi)).orElseThrow();
        }
    }

    /** A team: a manager and {@code size} agents reporting to them. */
    public List<TestAgent> team(TestAgent manager, int size) {
        var team = new ArrayList<TestAgent>();
        for (var i = 0; i < size; i++) {
            team.add(create().named("Membre").withManager(manager).build());
        }
        return team;
    }

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
