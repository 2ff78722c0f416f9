package org.guichet.request;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.platform.GuichetException;
import org.guichet.request.domain.Request;
import org.guichet.request.domain.RequestRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the deciders of requests do: the manager decides their step through the approval module, HR works from its
 * queue (taking a request so that the others see who handles it), and either may send a request back to its agent.
 */
@Service
public class RequestReview {

    private final RequestRoute route;
    private final RequestRepository requests;
    private final DirectoryManagement directory;
    private final Clock clock;

    RequestReview(RequestRoute route, RequestRepository requests, DirectoryManagement directory, Clock clock) {
        this.route = route;
        this.requests = requests;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Whoever decides the current step sends the request back to its agent for more information (the comment says
     * what); the request waits, at the same step, for the answer.
     */
    @Transactional
    public AdminRequest askInformation(AgentId decider, RequestId id, @Nullable String comment) {
        var request = route.find(id);
        var move = request.askInformation(decider, () -> route.isHr(decider), comment, clock.instant());
        route.withdrawFromManager(route.apply(move, RequestError.NOT_OPEN));
        return route.view(id);
    }

    /** What waits for HR, oldest first. */
    @Transactional(readOnly = true)
    public List<AdminRequest> hrQueue() {
        return hrQueue(null, 0);
    }

    /**
     * What waits for HR, oldest first, of one type when given, waiting at least {@code days} days.
     *
     * @param type a request type's id, or {@code null} for all
     */
    @Transactional(readOnly = true)
    public List<AdminRequest> hrQueue(@Nullable String type, int days) {
        var before = clock.instant().minus(Duration.ofDays(Math.max(days, 0)));
        return requests.waitingForHr().stream()
                .filter(request ->
                        type == null || type.isBlank() || request.type().equalsIgnoreCase(type))
                .filter(request -> !request.submittedAt().isAfter(before))
                .map(route::view)
                .toList();
    }

    /** Someone of HR takes a request of the queue: the others see who handles it, and cannot decide it. */
    @Transactional
    public AdminRequest take(AgentId hr, RequestId id) {
        var request = route.find(id);
        if (request.currentStep() != RequestSettings.Step.HR
                || !request.state().open()
                || request.agent().equals(hr)) {
            throw new GuichetException(RequestError.NOT_FOR_HR);
        }
        if (!requests.take(id, hr)) {
            var other = requests.find(id).map(Request::takenBy).orElse(null);
            throw new GuichetException(
                    RequestError.TAKEN_BY_ANOTHER, other == null ? "" : directory.displayName(other));
        }
        return route.view(id);
    }

    /** HR approves or rejects the request waiting for them (a rejection says why). */
    @Transactional
    public AdminRequest decideAsHr(AgentId hr, RequestId id, boolean approve, @Nullable String comment) {
        var request = route.find(id);
        request.requireHrDecides(hr);
        if (request.takenBy() != null && !request.takenBy().equals(hr)) {
            throw new GuichetException(RequestError.TAKEN_BY_ANOTHER, directory.displayName(request.takenBy()));
        }
        decide(request, approve, hr, comment, clock.instant());
        return route.view(id);
    }

    /** The manager's decision through the approval module (in the deciding transaction). */
    void decidedByManager(RequestId id, boolean approve, AgentId by, @Nullable String comment, Instant at) {
        requests.find(id)
                .filter(request -> request.currentStep() == RequestSettings.Step.MANAGER
                        && request.state() == RequestState.IN_REVIEW)
                .ifPresent(request -> decide(request, approve, by, comment, at));
    }

    private void decide(Request request, boolean approve, AgentId by, @Nullable String comment, Instant now) {
        var move = request.decide(
                route.type(request).steps(), () -> route.manager(request.agent()), approve, by, comment, now);
        var decided = route.apply(move, RequestError.NOT_OPEN);
        if (approve) {
            route.follow(decided, now);
        }
    }
}
