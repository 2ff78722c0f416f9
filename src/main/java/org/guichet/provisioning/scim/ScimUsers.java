package org.guichet.provisioning.scim;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.Manager;
import com.unboundid.scim2.common.types.Meta;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.PhoneNumber;
import com.unboundid.scim2.common.types.UserResource;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.AgentStatus;
import org.guichet.directory.ChangeSource;
import org.guichet.directory.DirectoryManagement;
import org.guichet.directory.ImportProblem;
import org.guichet.platform.Digests;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Agents as SCIM users (RFC 7643 §4.1 and the enterprise extension §4.3), and the writes a provisioning client asks
 * for, made through the directory's import: a user becomes one row of the import's columns, so that the same checks
 * refuse it with the same reasons, the same events follow (sessions closed on a departure, the manager's approvals on
 * a move) and the journal says the change came from SCIM.
 *
 * <p>The user's {@code id} is the agent's SOI, and so is the enterprise extension's {@code employeeNumber}; {@code
 * userName} is the login, the work e-mail the address, {@code title} the job title, the mobile phone number the
 * professional mobile, the extension's {@code department} the department's code and its {@code manager.value} the
 * manager's SOI. {@code active: false} suspends the agent, {@code active: true} reinstates them; deleting the user
 * records a departure (the agent is never removed: the journal and the payslips keep naming them).
 */
@Component
class ScimUsers {

    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private final DirectoryManagement directory;
    private final MessageSource messages;

    ScimUsers(DirectoryManagement directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
    }

    /** The user with this id: an agent who has not left (a departed agent is a deleted user). */
    Optional<AgentProfile> find(String id) {
        return stored(id).filter(agent -> !deleted(agent));
    }

    /** The agent with this SOI who left, if so. */
    Optional<AgentProfile> findDeparted(String id) {
        return stored(id).filter(ScimUsers::deleted);
    }

    static boolean deleted(AgentProfile agent) {
        return agent.status() == AgentStatus.DEPARTED;
    }

    private Optional<AgentProfile> stored(String id) {
        var soi = id.strip();
        return AgentId.isSoi(soi) ? directory.findById(AgentId.of(soi)) : Optional.empty();
    }

    /** The agent as a SCIM user, with its place and version. */
    UserResource resource(AgentProfile agent, URI users) {
        var user = new UserResource();
        user.setId(agent.id().soi());
        user.setExternalId(agent.id().soi());
        user.setUserName(agent.login());
        user.setName(new Name()
                .setGivenName(agent.firstName())
                .setFamilyName(agent.lastName())
                .setFormatted(agent.displayName()));
        user.setDisplayName(agent.displayName());
        user.setTitle(agent.jobTitle());
        user.setActive(agent.isActive());
        user.setEmails(
                List.of(new Email().setValue(agent.email()).setType("work").setPrimary(true)));
        if (agent.mobile() != null) {
            user.setPhoneNumbers(
                    List.of(new PhoneNumber().setValue(agent.mobile()).setType("mobile")));
        }
        var enterprise = new EnterpriseUserExtension()
                .setEmployeeNumber(agent.id().soi())
                .setDepartment(agent.departmentCode())
                .setOrganization(agent.departmentName());
        if (agent.managerId() != null) {
            enterprise.setManager(new Manager()
                    .setValue(agent.managerId().soi())
                    .setRef(users.resolve("Users/" + agent.managerId().soi())));
        }
        user.setExtension(enterprise);
        user.setMeta(new Meta()
                .setResourceType("User")
                .setLocation(users.resolve("Users/" + agent.id().soi()))
                .setVersion(version(user)));
        return user;
    }

    /** The user's version (its ETag): a digest of what it says, but its meta. */
    static String version(UserResource user) {
        var meta = user.getMeta();
        user.setMeta(null);
        var text = ScimJson.write(user);
        user.setMeta(meta);
        return "W/\"" + Digests.sha256Hex(text).substring(0, 20) + "\"";
    }

    /**
     * Creates the agent the user describes (its {@code employeeNumber} is the SOI), or replaces the one {@code
     * before} is with it; returns the agent as stored.
     */
    AgentProfile write(UserResource user, @Nullable AgentProfile before, Locale locale) throws ScimException {
        var row = row(user, before, locale);
        importRows(List.of(row), locale);
        return directory.findById(AgentId.of(row.get("soi"))).orElseThrow();
    }

    /** Records the agent's departure: the user deleted by the provisioning client. */
    void depart(AgentProfile agent, Locale locale) throws ScimException {
        var row = new LinkedHashMap<String, String>();
        row.put("soi", agent.id().soi());
        row.put("first_name", agent.firstName());
        row.put("last_name", agent.lastName());
        row.put("department", agent.departmentCode());
        row.put("status", AgentStatus.DEPARTED.name());
        importRows(List.of(row), locale);
    }

    /**
     * Writes these rows through the directory's import, from SCIM; the first row refused is the client's error, with
     * the import's reason in its language: 409 for a login or address taken, else 400 {@code invalidValue}.
     */
    void importRows(List<Map<String, String>> rows, Locale locale) throws ScimException {
        var report = directory.importAgents(rows, ChangeSource.SCIM);
        if (report.rejected().isEmpty()) {
            return;
        }
        var refused = report.rejected().getFirst();
        var detail = messages.getMessage(
                refused.problem().messageKey(),
                refused.arguments().toArray(),
                refused.problem().name(),
                locale);
        throw refused.problem() == ImportProblem.LOGIN_TAKEN || refused.problem() == ImportProblem.EMAIL_TAKEN
                ? new ResourceConflictException(detail)
                : BadRequestException.invalidValue(detail);
    }

    /** The import's row a user stands for: a column left out leaves that value as it is. */
    private Map<String, String> row(UserResource user, @Nullable AgentProfile before, Locale locale)
            throws ScimException {
        EnterpriseUserExtension enterprise;
        try {
            enterprise = user.getExtension(EnterpriseUserExtension.class);
        } catch (IllegalArgumentException e) {
            throw BadRequestException.invalidValue(message("provisioning.scim.enterprise", locale));
        }
        var soi = before != null ? before.id().soi() : enterprise == null ? null : enterprise.getEmployeeNumber();
        if (soi == null || soi.isBlank()) {
            throw BadRequestException.invalidValue(message("provisioning.scim.employee-number", locale));
        }
        if (before != null
                && enterprise != null
                && enterprise.getEmployeeNumber() != null
                && !enterprise.getEmployeeNumber().equals(soi)) {
            throw BadRequestException.mutability(message("provisioning.scim.employee-number-changed", locale));
        }
        var name = user.getName();
        var row = new LinkedHashMap<String, String>();
        row.put("soi", soi.strip());
        row.put("first_name", name == null || name.getGivenName() == null ? "" : name.getGivenName());
        row.put("last_name", name == null || name.getFamilyName() == null ? "" : name.getFamilyName());
        row.put(
                "department",
                enterprise == null || enterprise.getDepartment() == null ? "" : enterprise.getDepartment());
        row.put(
                "manager_soi",
                enterprise == null
                                || enterprise.getManager() == null
                                || enterprise.getManager().getValue() == null
                        ? ""
                        : enterprise.getManager().getValue());
        row.put("job_title", user.getTitle() == null ? "" : user.getTitle());
        row.put("mobile", mobile(user));
        if (user.getUserName() != null) {
            row.put("login", user.getUserName());
        }
        var email = email(user);
        if (email != null) {
            row.put("email", email);
        }
        if (user.getActive() != null) {
            row.put("status", user.getActive() ? AgentStatus.ACTIVE.name() : AgentStatus.SUSPENDED.name());
        } else if (before == null) {
            row.put("status", AgentStatus.ACTIVE.name());
        }
        return row;
    }

    private static String mobile(UserResource user) {
        if (user.getPhoneNumbers() == null) {
            return "";
        }
        return user.getPhoneNumbers().stream()
                .filter(phone -> phone.getValue() != null && "mobile".equalsIgnoreCase(phone.getType()))
                .map(PhoneNumber::getValue)
                .findFirst()
                .orElse("");
    }

    private static @Nullable String email(UserResource user) {
        if (user.getEmails() == null) {
            return null;
        }
        return user.getEmails().stream()
                .filter(email -> email.getValue() != null)
                .sorted((a, b) ->
                        Boolean.compare(Boolean.TRUE.equals(b.getPrimary()), Boolean.TRUE.equals(a.getPrimary())))
                .map(Email::getValue)
                .findFirst()
                .orElse(null);
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
