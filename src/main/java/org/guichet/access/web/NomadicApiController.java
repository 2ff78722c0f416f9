package org.guichet.access.web;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.guichet.access.NomadicError;
import org.guichet.access.NomadicProfiles;
import org.guichet.access.NomadicState;
import org.guichet.access.NomadicStatus;
import org.guichet.directory.AgentId;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The remote-access API: my profile and its timeline, my request; for IT support (role SUPPORT, enforced by the
 * security rules), the profiles in a state and their activation.
 */
@RestController
class NomadicApiController {

    private final NomadicProfiles nomadic;
    private final MessageSource messages;

    NomadicApiController(NomadicProfiles nomadic, MessageSource messages) {
        this.nomadic = nomadic;
        this.messages = messages;
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "RemoteAccessStep")
    record Step(
            Instant at,
            String step,
            String label,
            @Nullable String actor,
            @Nullable String comment) {}

    record Profile(
            String soi,
            String state,
            String stateLabel,
            @Nullable String reason,
            @Nullable LocalDate endDate,
            @Nullable LocalDate validUntil,
            @Nullable String approver,
            @Nullable Instant requestedAt,
            List<Step> timeline) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "RemoteAccessRequestCommand")
    record RequestCommand(@Nullable String reason, @Nullable LocalDate endDate) {}

    @GetMapping("/api/v1/nomadic-profile")
    Profile showMine(Principal principal, Locale locale) {
        return profile(nomadic.status(AgentId.of(principal.getName())), locale);
    }

    @PostMapping("/api/v1/nomadic-profile/requests")
    @ResponseStatus(HttpStatus.CREATED)
    Profile request(@RequestBody RequestCommand command, Principal principal, Locale locale) {
        return profile(nomadic.request(AgentId.of(principal.getName()), command.reason(), command.endDate()), locale);
    }

    @GetMapping("/api/v1/support/nomadic-profiles")
    List<Profile> listByState(@RequestParam(defaultValue = "APPROVED") String state, Locale locale) {
        var wanted = java.util.Arrays.stream(NomadicState.values())
                .filter(candidate -> candidate.name().equalsIgnoreCase(state) && candidate != NomadicState.NONE)
                .findFirst()
                .orElseThrow(() -> new GuichetException(org.guichet.platform.PlatformError.BAD_REQUEST));
        return nomadic.inState(wanted).stream()
                .map(status -> profile(status, locale))
                .toList();
    }

    @PostMapping("/api/v1/support/nomadic-profiles/{soi}/activate")
    Profile activate(@PathVariable String soi, Principal principal, Locale locale) {
        if (!AgentId.isSoi(soi)) {
            throw new GuichetException(NomadicError.PROFILE_NOT_FOUND);
        }
        return profile(nomadic.activate(AgentId.of(soi), AgentId.of(principal.getName())), locale);
    }

    private Profile profile(NomadicStatus status, Locale locale) {
        return new Profile(
                status.agent().soi(),
                status.state().name(),
                messages.getMessage("nomadic.state." + status.state().name(), null, locale),
                status.reason(),
                status.endDate(),
                status.validUntil(),
                status.approverName(),
                status.requestedAt(),
                status.timeline().stream()
                        .map(step -> new Step(
                                step.at(),
                                step.step(),
                                messages.getMessage("nomadic.step." + step.step(), null, step.step(), locale),
                                step.actorName(),
                                step.comment()))
                        .toList());
    }
}
