package org.guichet.request.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.guichet.directory.AgentId;
import org.guichet.request.RequestReview;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** HR's queue of requests (the hr-back-office service's rules): what waits for HR, and their decisions. */
@RestController
class HrRequestApiController {

    private final RequestReview requests;
    private final RequestViews views;

    HrRequestApiController(RequestReview requests, RequestViews views) {
        this.requests = requests;
        this.views = views;
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "HrRequestDecisionCommand")
    record DecisionCommand(@Nullable String comment) {}

    /**
     * @param type only this type of request
     * @param waitingDays only requests waiting for at least this many days
     */
    @GetMapping("/api/v1/hr/requests")
    List<RequestViews.Request> queue(
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(defaultValue = "0") int waitingDays,
            Locale locale) {
        return requests.hrQueue(type, waitingDays).stream()
                .map(request -> views.of(request, locale))
                .toList();
    }

    @PostMapping("/api/v1/hr/requests/{id}/take")
    RequestViews.Request take(@PathVariable String id, Principal principal, Locale locale) {
        return views.of(requests.take(AgentId.of(principal.getName()), RequestApiController.parse(id)), locale);
    }

    /** {@code approve} or {@code reject} (which must say why, in {@code comment}). */
    @PostMapping("/api/v1/hr/requests/{id}/{decision:approve|reject}")
    RequestViews.Request decide(
            @PathVariable String id,
            @PathVariable String decision,
            @RequestBody(required = false) @Nullable DecisionCommand command,
            Principal principal,
            Locale locale) {
        return views.of(
                requests.decideAsHr(
                        AgentId.of(principal.getName()),
                        RequestApiController.parse(id),
                        "approve".equals(decision),
                        command == null ? null : command.comment()),
                locale);
    }
}
