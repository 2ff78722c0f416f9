package org.guichet.provisioning.scim;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ForbiddenException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Meta;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.directory.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * SCIM groups are Guichet's granted roles ({@code HR}, {@code SUPPORT}, {@code SECURITY}, {@code ADMIN}): the HR system
 * reads who holds each and grants or withdraws it by adding or removing members (PATCH, or PUT with the whole list).
 * The groups themselves are Guichet's: none is created or deleted. Each change of members is a write of the members'
 * roles through the directory's import, journaled as coming from SCIM.
 */
@RestController
class ScimGroupsController {

    private final DirectoryManagement directory;
    private final ScimUsers users;
    private final MessageSource messages;

    ScimGroupsController(DirectoryManagement directory, ScimUsers users, MessageSource messages) {
        this.directory = directory;
        this.users = users;
        this.messages = messages;
    }

    private static URI base() {
        return URI.create(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(ScimUsersController.ROOT + "/")
                .toUriString());
    }

    @GetMapping(ScimUsersController.ROOT + "/Groups")
    ResponseEntity<String> list() {
        var base = base();
        var groups =
                Role.GRANTED.stream().sorted().map(role -> group(role, base)).toList();
        return ScimJson.answer(200, new ListResponse<>(groups.size(), groups, 1, groups.size()), new HttpHeaders());
    }

    @GetMapping(ScimUsersController.ROOT + "/Groups/{id}")
    ResponseEntity<String> get(@PathVariable String id, Locale locale) throws ScimException {
        var group = group(role(id, locale), base());
        var headers = new HttpHeaders();
        headers.setETag(group.getMeta().getVersion());
        return ScimJson.answer(200, group, headers);
    }

    @PatchMapping(ScimUsersController.ROOT + "/Groups/{id}")
    ResponseEntity<String> patch(
            @PathVariable String id, @RequestBody(required = false) @Nullable String body, Locale locale)
            throws ScimException {
        var role = role(id, locale);
        var patch = ScimJson.read(body, PatchRequest.class, unreadable(locale));
        var resource = group(role, base()).asGenericScimResource();
        patch.apply(resource);
        return members(role, ScimJson.typed(resource, GroupResource.class), locale);
    }

    @PutMapping(ScimUsersController.ROOT + "/Groups/{id}")
    ResponseEntity<String> replace(
            @PathVariable String id, @RequestBody(required = false) @Nullable String body, Locale locale)
            throws ScimException {
        var role = role(id, locale);
        var requested = ScimJson.read(body, GroupResource.class, unreadable(locale));
        return members(role, requested, locale);
    }

    @PostMapping(ScimUsersController.ROOT + "/Groups")
    ResponseEntity<String> create(Locale locale) throws ScimException {
        throw new ForbiddenException(messages.getMessage("provisioning.scim.groups-fixed", null, locale));
    }

    @DeleteMapping(ScimUsersController.ROOT + "/Groups/{id}")
    ResponseEntity<String> delete(@PathVariable String id, Locale locale) throws ScimException {
        role(id, locale);
        throw new ForbiddenException(messages.getMessage("provisioning.scim.groups-fixed", null, locale));
    }

    private String unreadable(Locale locale) {
        return messages.getMessage("provisioning.scim.syntax", null, locale);
    }

    @ExceptionHandler(ScimException.class)
    ResponseEntity<String> refused(ScimException refusal) {
        return ScimJson.answer(refusal);
    }

    /** Makes the role's holders the group's members: granted to those added, withdrawn from those removed. */
    private ResponseEntity<String> members(Role role, GroupResource requested, Locale locale) throws ScimException {
        var wanted = new LinkedHashSet<String>();
        if (requested.getMembers() != null) {
            for (var member : requested.getMembers()) {
                if (member.getValue() != null) {
                    wanted.add(member.getValue().strip());
                }
            }
        }
        var holders =
                directory.withRole(role).stream().map(agent -> agent.id().soi()).collect(Collectors.toSet());
        var rows = new ArrayList<Map<String, String>>();
        for (var soi : wanted) {
            if (!holders.contains(soi)) {
                var agent = users.find(soi)
                        .orElseThrow(() -> BadRequestException.invalidValue(
                                messages.getMessage("provisioning.scim.not-found", new Object[] {soi}, locale)));
                rows.add(roles(agent, role, true));
            }
        }
        for (var soi : holders) {
            if (!wanted.contains(soi)) {
                users.find(soi).ifPresent(agent -> rows.add(roles(agent, role, false)));
            }
        }
        if (!rows.isEmpty()) {
            users.importRows(rows, locale);
        }
        var group = group(role, base());
        var headers = new HttpHeaders();
        headers.setETag(group.getMeta().getVersion());
        return ScimJson.answer(200, group, headers);
    }

    /** The agent's row with their granted roles, this one given or withdrawn. */
    private static Map<String, String> roles(AgentProfile agent, Role role, boolean granted) {
        Set<Role> roles = agent.roles().stream()
                .filter(Role.GRANTED::contains)
                .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(Role.class)));
        if (granted) {
            roles.add(role);
        } else {
            roles.remove(role);
        }
        var row = new LinkedHashMap<String, String>();
        row.put("soi", agent.id().soi());
        row.put("first_name", agent.firstName());
        row.put("last_name", agent.lastName());
        row.put("department", agent.departmentCode());
        row.put("roles", roles.stream().map(Enum::name).collect(Collectors.joining("|")));
        return row;
    }

    private Role role(String id, Locale locale) throws ScimException {
        return Role.GRANTED.stream()
                .filter(role -> role.name().equals(id))
                .findFirst()
                .orElseThrow(() -> new ResourceNotFoundException(
                        messages.getMessage("provisioning.scim.group-not-found", new Object[] {id}, locale)));
    }

    private GroupResource group(Role role, URI base) {
        var group = new GroupResource();
        group.setId(role.name());
        group.setDisplayName(role.name());
        var members = new ArrayList<Member>();
        for (var agent : directory.withRole(role)) {
            members.add(new Member()
                    .setValue(agent.id().soi())
                    .setDisplay(agent.displayName())
                    .setType("User")
                    .setRef(base.resolve("Users/" + agent.id().soi())));
        }
        group.setMembers(members);
        var meta = new Meta().setResourceType("Group").setLocation(base.resolve("Groups/" + role.name()));
        group.setMeta(meta);
        meta.setVersion("W/\""
                + org.guichet.platform.Digests.sha256Hex(String.valueOf(
                                members.stream().map(Member::getValue).toList()))
                        .substring(0, 20)
                + "\"");
        return group;
    }
}
