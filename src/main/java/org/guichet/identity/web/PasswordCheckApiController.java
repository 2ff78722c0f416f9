package org.guichet.identity.web;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.IdentitySettings;
import org.guichet.identity.password.PasswordService;
import org.guichet.identity.reset.ResetService;
import org.guichet.identity.reset.ResetState;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/password/check}: what the policy thinks of a candidate, for the live strength meter. It knows
 * the signed-in agent, or the agent of a reset in progress, so that it also refuses their own names.
 */
@RestController
class PasswordCheckApiController {

    private final PasswordService passwords;
    private final DirectoryManagement directory;
    private final ResetService resets;
    private final MessageSource messages;
    private final IdentitySettings settings;

    PasswordCheckApiController(
            PasswordService passwords,
            DirectoryManagement directory,
            ResetService resets,
            MessageSource messages,
            IdentitySettings settings) {
        this.passwords = passwords;
        this.directory = directory;
        this.resets = resets;
        this.messages = messages;
        this.settings = settings;
    }

    record CheckCommand(@NotNull @Size(max = 1024) String password) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "PasswordProblem")
    record Problem(String code, String message) {}

    record CheckResult(boolean acceptable, int score, List<Problem> problems, List<String> hints) {}

    @PostMapping("/api/v1/password/check")
    CheckResult check(
            @Valid @RequestBody CheckCommand command,
            @Nullable Principal principal,
            HttpSession session,
            Locale locale) {
        var check = passwords.check(command.password(), agent(principal, session), locale);
        var problems = check.problems().stream()
                .map(problem -> new Problem(
                        problem.name(),
                        messages.getMessage(problem.messageKey(), PasswordErrors.figures(settings.password()), locale)))
                .toList();
        return new CheckResult(check.acceptable(), check.score(), problems, check.hints());
    }

    private @Nullable AgentProfile agent(@Nullable Principal principal, HttpSession session) {
        if (principal != null) {
            return directory.findById(AgentId.of(principal.getName())).orElse(null);
        }
        return session.getAttribute(ResetController.STATE) instanceof ResetState state ? resets.agent(state) : null;
    }
}
