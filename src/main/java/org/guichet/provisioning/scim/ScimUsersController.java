package org.guichet.provisioning.scim;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.AuthenticationScheme;
import com.unboundid.scim2.common.types.BulkConfig;
import com.unboundid.scim2.common.types.ChangePasswordConfig;
import com.unboundid.scim2.common.types.ETagConfig;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.FilterConfig;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.PatchConfig;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.SortConfig;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import com.unboundid.scim2.common.utils.SchemaUtils;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.provisioning.ProvisioningSettings;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The SCIM 2.0 endpoints (RFC 7644) for the HR system's provisioning client: the service's description ({@code
 * ServiceProviderConfig}, {@code ResourceTypes}, {@code Schemas}) and its users: created, read (with their ETag,
 * {@code If-None-Match}), searched ({@code filter}, {@code startIndex}, {@code count}), replaced, patched and deleted
 * (each write taking {@code If-Match}). Every refusal is a SCIM error message, in the client's language.
 */
@RestController
class ScimUsersController {

    static final String ROOT = "/scim/v2";

    private static final Set<String> BY_SOI = Set.of(
            "id", "externalid", ScimUsers.ENTERPRISE.toLowerCase(Locale.ROOT) + ":employeenumber", "employeenumber");

    private final ScimUsers users;
    private final DirectoryManagement directory;
    private final ProvisioningSettings settings;
    private final MessageSource messages;

    ScimUsersController(
            ScimUsers users, DirectoryManagement directory, ProvisioningSettings settings, MessageSource messages) {
        this.users = users;
        this.directory = directory;
        this.settings = settings;
        this.messages = messages;
    }

    private static URI base() {
        return URI.create(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(ROOT + "/")
                .toUriString());
    }

    @GetMapping(ROOT + "/ServiceProviderConfig")
    ResponseEntity<String> serviceProviderConfig() {
        var config = new ServiceProviderConfigResource(
                "https://datatracker.ietf.org/doc/html/rfc7644",
                new PatchConfig(true),
                new BulkConfig(false, 0, 0),
                new FilterConfig(true, settings.scimMaxResults()),
                new ChangePasswordConfig(false),
                new SortConfig(false),
                new ETagConfig(true),
                List.of(new AuthenticationScheme(
                        "Bearer token",
                        "The provisioning client's token (guichet.provisioning.scim-token)",
                        URI.create("https://datatracker.ietf.org/doc/html/rfc6750"),
                        null,
                        "oauthbearertoken",
                        true)));
        return ScimJson.answer(200, config, new HttpHeaders());
    }

    @GetMapping({ROOT + "/ResourceTypes", ROOT + "/ResourceTypes/{name}"})
    ResponseEntity<String> resourceTypes(@PathVariable(required = false) @Nullable String name, Locale locale)
            throws ScimException {
        var user = new ResourceTypeResource(
                "User",
                "User",
                "An agent of the administration",
                URI.create("/Users"),
                URI.create(SchemaUtils.getSchemaUrn(UserResource.class)),
                List.of(new ResourceTypeResource.SchemaExtension(URI.create(ScimUsers.ENTERPRISE), false)));
        var group = new ResourceTypeResource(
                "Group",
                "Group",
                "A role of Guichet's (HR, SUPPORT, SECURITY, ADMIN) and who holds it",
                URI.create("/Groups"),
                URI.create(SchemaUtils.getSchemaUrn(GroupResource.class)),
                List.of());
        if (name == null) {
            return ScimJson.answer(200, new ListResponse<>(List.of(user, group)), new HttpHeaders());
        }
        return switch (name) {
            case "User" -> ScimJson.answer(200, user, new HttpHeaders());
            case "Group" -> ScimJson.answer(200, group, new HttpHeaders());
            default -> throw new ResourceNotFoundException(name);
        };
    }

    @GetMapping(ROOT + "/Schemas")
    ResponseEntity<String> schemas() throws Exception {
        return ScimJson.answer(
                200,
                new ListResponse<>(List.of(
                        SchemaUtils.getSchema(UserResource.class),
                        SchemaUtils.getSchema(EnterpriseUserExtension.class),
                        SchemaUtils.getSchema(GroupResource.class))),
                new HttpHeaders());
    }

    @GetMapping(ROOT + "/Users")
    ResponseEntity<String> search(
            @RequestParam(required = false) @Nullable String filter,
            @RequestParam(defaultValue = "1") String startIndex,
            @RequestParam(required = false) @Nullable String count,
            Locale locale)
            throws ScimException {
        var first = Math.max(1, number(startIndex, locale));
        var size = count == null
                ? settings.scimMaxResults()
                : Math.min(Math.max(0, number(count, locale)), settings.scimMaxResults());
        var parsed = filter == null || filter.isBlank() ? null : Filter.fromString(filter);
        var base = base();
        var page = new ArrayList<UserResource>();
        var total = new int[1];
        var refusal = new ScimException[1];
        var direct = bySoi(parsed);
        if (direct.isPresent()) {
            for (var agent : direct.get()) {
                total[0]++;
                if (total[0] >= first && page.size() < size) {
                    page.add(users.resource(agent, base));
                }
            }
        } else {
            directory.forEachAgent(agent -> {
                if (refusal[0] != null || ScimUsers.deleted(agent)) {
                    return;
                }
                var user = users.resource(agent, base);
                try {
                    if (parsed == null
                            || FilterEvaluator.evaluate(
                                    parsed, user.asGenericScimResource().getObjectNode())) {
                        total[0]++;
                        if (total[0] >= first && page.size() < size) {
                            page.add(user);
                        }
                    }
                } catch (ScimException e) {
                    refusal[0] = e;
                }
            });
        }
        if (refusal[0] != null) {
            throw refusal[0];
        }
        return ScimJson.answer(200, new ListResponse<>(total[0], page, first, page.size()), new HttpHeaders());
    }

    /**
     * The agents an equality filter on the SOI or the login names, found directly (what provisioning clients ask
     * before each creation); empty when the filter is another kind, to be evaluated on every agent.
     */
    private Optional<List<AgentProfile>> bySoi(@Nullable Filter filter) {
        if (filter == null
                || filter.getFilterType() != FilterType.EQUAL
                || filter.getComparisonValue() == null
                || !filter.getComparisonValue().isTextual()) {
            return Optional.empty();
        }
        var path = filter.getAttributePath().toString().toLowerCase(Locale.ROOT);
        var value = filter.getComparisonValue().textValue();
        if (BY_SOI.contains(path)) {
            return Optional.of(users.find(value).stream().toList());
        }
        if (path.equals("username")) {
            return Optional.of(directory.findByIdentifier(value).stream()
                    .filter(agent -> agent.login().equalsIgnoreCase(value.strip()) && !ScimUsers.deleted(agent))
                    .toList());
        }
        return Optional.empty();
    }

    @PostMapping(ROOT + "/Users")
    ResponseEntity<String> create(@RequestBody(required = false) @Nullable String body, Locale locale)
            throws ScimException {
        var user = read(body, locale);
        var soi = Optional.ofNullable(user.getExtension(EnterpriseUserExtension.class))
                .map(EnterpriseUserExtension::getEmployeeNumber)
                .map(String::strip)
                .orElse(null);
        // an agent who left and comes back (a rehire) is the same agent: created again over what was kept
        var departed = soi == null ? null : users.findDeparted(soi).orElse(null);
        if (soi != null && departed == null && users.find(soi).isPresent()) {
            throw new com.unboundid.scim2.common.exceptions.ResourceConflictException(
                    messages.getMessage("provisioning.scim.exists", new Object[] {soi}, locale));
        }
        if (departed != null && user.getActive() == null) {
            user.setActive(true);
        }
        var created = users.resource(users.write(user, departed, locale), base());
        var headers = new HttpHeaders();
        headers.setLocation(created.getMeta().getLocation());
        headers.setETag(created.getMeta().getVersion());
        return ScimJson.answer(201, created, headers);
    }

    @GetMapping(ROOT + "/Users/{id}")
    ResponseEntity<String> get(
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
            Locale locale)
            throws ScimException {
        var user = users.resource(existing(id, locale), base());
        var version = user.getMeta().getVersion();
        if (version.equals(ifNoneMatch)) {
            return ResponseEntity.status(304).eTag(version).build();
        }
        var headers = new HttpHeaders();
        headers.setETag(version);
        return ScimJson.answer(200, user, headers);
    }

    @PutMapping(ROOT + "/Users/{id}")
    ResponseEntity<String> replace(
            @PathVariable String id,
            @RequestBody(required = false) @Nullable String body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            Locale locale)
            throws ScimException {
        var before = current(id, ifMatch, locale);
        return written(users.write(read(body, locale), before, locale));
    }

    @PatchMapping(ROOT + "/Users/{id}")
    ResponseEntity<String> patch(
            @PathVariable String id,
            @RequestBody(required = false) @Nullable String body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            Locale locale)
            throws ScimException {
        var before = current(id, ifMatch, locale);
        var patch = ScimJson.read(body, PatchRequest.class, unreadable(locale));
        var resource = users.resource(before, base()).asGenericScimResource();
        patch.apply(resource);
        return written(users.write(ScimJson.typed(resource, UserResource.class), before, locale));
    }

    @DeleteMapping(ROOT + "/Users/{id}")
    ResponseEntity<Void> delete(
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            Locale locale)
            throws ScimException {
        users.depart(current(id, ifMatch, locale), locale);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(ScimException.class)
    ResponseEntity<String> refused(ScimException refusal) {
        return ScimJson.answer(refusal);
    }

    private ResponseEntity<String> written(AgentProfile agent) {
        var user = users.resource(agent, base());
        var headers = new HttpHeaders();
        headers.setETag(user.getMeta().getVersion());
        return ScimJson.answer(200, user, headers);
    }

    /** The agent a write is about, at the version the client says it read (when it says one). */
    private AgentProfile current(String id, @Nullable String ifMatch, Locale locale) throws ScimException {
        var agent = existing(id, locale);
        if (ifMatch != null && !ifMatch.strip().equals("*")) {
            var version = users.resource(agent, base()).getMeta().getVersion();
            if (!version.equals(ifMatch.strip())) {
                throw new PreconditionFailedException(
                        messages.getMessage("provisioning.scim.version", new Object[] {version}, locale));
            }
        }
        return agent;
    }

    private AgentProfile existing(String id, Locale locale) throws ScimException {
        return users.find(id)
                .orElseThrow(() -> new ResourceNotFoundException(
                        messages.getMessage("provisioning.scim.not-found", new Object[] {id}, locale)));
    }

    private UserResource read(@Nullable String body, Locale locale) throws ScimException {
        return ScimJson.read(body, UserResource.class, unreadable(locale));
    }

    private String unreadable(Locale locale) {
        return messages.getMessage("provisioning.scim.syntax", null, locale);
    }

    private int number(String text, Locale locale) throws ScimException {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw BadRequestException.invalidValue(messages.getMessage("provisioning.scim.number", null, locale));
        }
    }
}
