package org.guichet.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.guichet.directory.Role;
import org.guichet.identity.Assurance;
import org.guichet.network.Channel;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A service of the catalogue, as configured under {@code guichet.access.services}.
 *
 * @param id a stable identifier in URLs and the API ({@code payslips}, {@code gis})
 * @param name the name in each language ({@code fr}, {@code en}); French when a language is missing
 * @param description one sentence in each language
 * @param entry where the service starts: a path of the portal ({@code /payslips}) or another application's address
 * @param channels the channels it accepts
 * @param assurance the assurance it needs per channel; where a channel is not given, a password on the office network
 *     and a second factor anywhere else
 * @param roles the roles it needs (any one of them); none means every agent
 * @param departments the departments (codes) it is open to; none means every department
 * @param closedDepartments the departments it is closed to
 * @param paths the portal's URLs that belong to the service (its pages and API, Spring path patterns): every request to
 *     them is decided like the service
 * @param publication where the reverse proxy publishes it (host and path prefix), decided at {@code /auth/forward};
 *     none: it is not published through the proxy
 */
public record ServiceDefinition(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}")
        String id,

        @NotEmpty Map<String, String> name,
        @DefaultValue Map<String, String> description,

        @NotBlank @Pattern(regexp = "(/|https://|http://).*")
        String entry,

        @NotEmpty Set<Channel> channels,
        @DefaultValue Map<Channel, Assurance> assurance,
        @DefaultValue Set<Role> roles,
        @DefaultValue Set<String> departments,
        @DefaultValue Set<String> closedDepartments,
        @DefaultValue List<String> paths,
        @jakarta.validation.Valid @Nullable Publication publication) {

    public ServiceDefinition {
        name = Map.copyOf(name);
        description = Map.copyOf(description);
        channels = Set.copyOf(channels);
        var needed = new EnumMap<Channel, Assurance>(Channel.class);
        for (var channel : Channel.values()) {
            needed.put(channel, channel == Channel.INTERNAL ? Assurance.PASSWORD : Assurance.MFA);
        }
        needed.putAll(assurance);
        assurance = Map.copyOf(needed);
        roles = Set.copyOf(roles);
        departments = Set.copyOf(departments);
        closedDepartments = Set.copyOf(closedDepartments);
        paths = List.copyOf(paths);
    }

    /** This service with another opening (channels, assurance, closed departments). */
    public ServiceDefinition with(ServiceOpening opening) {
        return new ServiceDefinition(
                id,
                name,
                description,
                entry,
                opening.channels(),
                opening.assurance(),
                roles,
                departments,
                opening.closedDepartments(),
                paths,
                publication);
    }

    public String name(Locale locale) {
        return inLanguage(name, locale);
    }

    public String description(Locale locale) {
        return inLanguage(description, locale);
    }

    /** The assurance the service needs on this channel. */
    public Assurance assuranceOn(Channel channel) {
        return assurance.get(channel);
    }

    /** Whether the entry is another application (outside the portal). */
    public boolean external() {
        return !entry.startsWith("/");
    }

    /** Whether the service is open to this department. */
    public boolean openTo(String department) {
        return !closedDepartments.contains(department) && (departments.isEmpty() || departments.contains(department));
    }

    private static String inLanguage(Map<String, String> texts, Locale locale) {
        var text = texts.get(locale.getLanguage());
        return text != null
                ? text
                : texts.getOrDefault("fr", texts.values().stream().findFirst().orElse(""));
    }
}
