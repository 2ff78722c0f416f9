package org.guichet.sso.web;

import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.guichet.directory.AgentId;
import org.guichet.platform.Problems;
import org.guichet.sso.Application;
import org.guichet.sso.ApplicationRejected;
import org.guichet.sso.Applications;
import org.guichet.sso.SsoError;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The applications, for administrators' scripts (ADMIN, from the office network with a second factor, like the
 * administration's pages): list, register (a confidential application's secret is in the answer, this once), change,
 * disable, give a new secret, delete. A refusal names each field that is wrong, in the administrator's language.
 */
@RestController
class ApplicationsApiController {

    static final String API = "/api/v1/admin/applications";

    private final Applications applications;
    private final MessageSource messages;

    ApplicationsApiController(Applications applications, MessageSource messages) {
        this.applications = applications;
        this.messages = messages;
    }

    /**
     * An application as scripts write it; what is left out takes the usual value (confidential, enabled, access
     * tokens for 5 minutes, refresh tokens for 8 hours, {@code openid profile email}).
     *
     * @param accessTokenLifetime an ISO-8601 duration ({@code PT5M})
     */
    record ApplicationCommand(
            @Nullable String clientId,
            @Nullable String name,
            @Nullable String serviceId,
            @Nullable Boolean confidential,
            @Nullable List<String> redirectUris,
            @Nullable List<String> postLogoutRedirectUris,
            @Nullable Set<String> scopes,
            @Nullable Duration accessTokenLifetime,
            @Nullable Duration refreshTokenLifetime,
            @Nullable String backChannelLogoutUri,
            @Nullable Boolean enabled) {

        Application toApplication(String clientIdOfPath) {
            return new Application(
                    clientIdOfPath,
                    Objects.requireNonNullElse(name, ""),
                    Objects.requireNonNullElse(serviceId, ""),
                    !Boolean.FALSE.equals(confidential),
                    Objects.requireNonNullElse(redirectUris, List.of()),
                    Objects.requireNonNullElse(postLogoutRedirectUris, List.of()),
                    Objects.requireNonNullElse(scopes, Applications.USUAL_SCOPES),
                    Objects.requireNonNullElse(accessTokenLifetime, Applications.USUAL_ACCESS_TOKEN),
                    Objects.requireNonNullElse(refreshTokenLifetime, Applications.USUAL_REFRESH_TOKEN),
                    backChannelLogoutUri == null || backChannelLogoutUri.isBlank() ? null : backChannelLogoutUri,
                    !Boolean.FALSE.equals(enabled));
        }
    }

    /** A registered application, with its secret: shown this once. */
    record RegisteredView(Application application, @Nullable String secret) {}

    @GetMapping(API)
    List<Application> all() {
        return applications.all();
    }

    @GetMapping(API + "/{clientId}")
    Application one(@PathVariable String clientId) {
        return applications
                .find(clientId)
                .orElseThrow(() -> new org.guichet.platform.GuichetException(SsoError.APPLICATION_NOT_FOUND));
    }

    @PostMapping(API)
    @ResponseStatus(HttpStatus.CREATED)
    RegisteredView register(@RequestBody ApplicationCommand command, Principal principal) {
        var registered = applications.register(
                command.toApplication(Objects.requireNonNullElse(command.clientId(), "")), by(principal));
        return new RegisteredView(registered.application(), registered.secret());
    }

    @PutMapping(API + "/{clientId}")
    Application change(@PathVariable String clientId, @RequestBody ApplicationCommand command, Principal principal) {
        return applications.change(command.toApplication(clientId), by(principal));
    }

    @PostMapping(API + "/{clientId}/secret")
    Map<String, String> newSecret(@PathVariable String clientId, Principal principal) {
        return Map.of("secret", applications.newSecret(clientId, by(principal)));
    }

    @DeleteMapping(API + "/{clientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String clientId, Principal principal) {
        applications.delete(clientId, by(principal));
    }

    /** Each field that is wrong, and why, in the administrator's language; nothing was stored. */
    @ExceptionHandler(ApplicationRejected.class)
    ResponseEntity<ProblemDetail> rejected(ApplicationRejected rejected, Locale locale) {
        var problem = Problems.of(
                SsoError.APPLICATION_INVALID,
                messages.getMessage(SsoError.APPLICATION_INVALID.messageKey(), null, locale));
        problem.setProperty(
                "errors",
                rejected.problems().stream()
                        .map(p -> Map.of("field", p.field(), "message", messages.getMessage(p.key(), null, locale)))
                        .toList());
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static AgentId by(Principal principal) {
        return AgentId.of(principal.getName());
    }
}
