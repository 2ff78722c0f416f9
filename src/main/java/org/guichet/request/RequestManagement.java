package org.guichet.request;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guichet.directory.AgentId;
import org.guichet.platform.GuichetException;
import org.guichet.request.domain.Attachments;
import org.guichet.request.domain.Request;
import org.guichet.request.domain.RequestFields;
import org.guichet.request.domain.RequestRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What agents do with their administrative requests: file one (or save it as a draft first), read them, answer a
 * request for information, withdraw one. A request follows its type's route: the manager decides through the approval
 * module, then HR from its queue ({@link RequestReview}); once every step approved, the request completes and produces
 * its document, if any ({@link RequestDocuments}). Only the agent and the people on the route read it.
 */
@Service
public class RequestManagement {

    private final RequestRoute route;
    private final RequestRepository requests;
    private final RequestSettings settings;
    private final Attachments attachments;
    private final Clock clock;

    RequestManagement(
            RequestRoute route,
            RequestRepository requests,
            RequestSettings settings,
            Attachments attachments,
            Clock clock) {
        this.route = route;
        this.requests = requests;
        this.settings = settings;
        this.attachments = attachments;
        this.clock = clock;
    }

    public List<RequestSettings.TypeDefinition> types() {
        return settings.types();
    }

    /** Files a request: its fields checked, its route started, or completed at once when it has none. */
    @Transactional
    public AdminRequest submit(AgentId agent, String typeId, Map<String, String> input) {
        var type = route.type(typeId);
        return start(create(agent, type, RequestFields.check(type, input)), type);
    }

    /**
     * Saves a request without filing it: the fields given are checked, the required ones may wait. The agent files
     * it later ({@link #submitDraft}) or withdraws it.
     */
    @Transactional
    public AdminRequest saveDraft(AgentId agent, String typeId, Map<String, String> input) {
        var type = route.type(typeId);
        var draft = create(agent, type, RequestFields.checkDraft(type, input));
        requests.record(
                draft.id(),
                new AdminRequest.TimelineEntry(draft.submittedAt(), TimelineEvent.DRAFTED, null, agent, null));
        return route.view(draft);
    }

    /** Files a draft: every field checked now, then as {@link #submit}. */
    @Transactional
    public AdminRequest submitDraft(AgentId agent, RequestId id) {
        var draft = route.own(agent, id);
        if (draft.state() != RequestState.DRAFT) {
            throw new GuichetException(RequestError.NOT_OPEN);
        }
        var type = route.type(draft);
        RequestFields.check(type, requests.fields(id));
        return start(draft, type);
    }

    /** Writes a request in draft with its fields, and attaches its uploads. */
    private Request create(AgentId agent, RequestSettings.TypeDefinition type, Map<String, String> fields) {
        var draft = Request.draft(agent, type, clock.instant());
        requests.insert(draft, fields);
        for (var field : type.fieldList()) {
            var value = fields.get(field.name());
            if (field.kind() == RequestSettings.Kind.ATTACHMENT
                    && value != null
                    && !attachments.attach(agent, UUID.fromString(value), draft.id(), field.name())) {
                throw new GuichetException(RequestError.FIELD_INVALID, field.name());
            }
        }
        return draft;
    }

    /** Starts the route of a request in draft: the first step waits, or the request completes when it has none. */
    private AdminRequest start(Request draft, RequestSettings.TypeDefinition type) {
        var now = clock.instant();
        var filed =
                route.apply(draft.submit(type.steps(), () -> route.manager(draft.agent()), now), RequestError.NOT_OPEN);
        route.follow(filed, now);
        return route.view(draft.id());
    }

    /** The agent's requests, latest first. */
    @Transactional(readOnly = true)
    public List<AdminRequest> requests(AgentId agent) {
        return requests.ofAgent(agent).stream().map(route::view).toList();
    }

    /** A request, for its agent or someone on its route (its manager step's approver, HR); else "not found". */
    @Transactional(readOnly = true)
    public AdminRequest request(AgentId reader, RequestId id) {
        return route.view(route.readable(reader, id));
    }

    /** Stores a file the agent will attach to a request they file (PDF, JPEG or PNG by content, 10 MB at most). */
    @Transactional
    public Attachments.Attachment upload(AgentId agent, String fileName, byte[] content) {
        return attachments.upload(agent, fileName, content, clock.instant());
    }

    /** The agent answers a request for information; the request goes back to whoever asked, at the same step. */
    @Transactional
    public AdminRequest giveInformation(AgentId agent, RequestId id, @Nullable String comment) {
        var answered = route.apply(
                route.own(agent, id).giveInformation(comment, clock.instant()),
                RequestError.NOT_WAITING_FOR_INFORMATION);
        if (answered.currentStep() == RequestSettings.Step.MANAGER && answered.approver() != null) {
            route.putToManager(answered);
        }
        return route.view(id);
    }

    /** Withdraws the agent's own request, in draft or open. */
    @Transactional
    public AdminRequest cancel(AgentId agent, RequestId id) {
        route.withdrawFromManager(route.apply(route.own(agent, id).cancel(clock.instant()), RequestError.NOT_OPEN));
        return route.view(id);
    }
}
