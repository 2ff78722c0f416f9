package org.guichet.request;

import java.time.Instant;
import java.util.Locale;
import org.guichet.approval.ApprovalKind;
import org.guichet.approval.ApprovalManagement;
import org.guichet.approval.ApprovalSubject;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.directory.Role;
import org.guichet.platform.GuichetException;
import org.guichet.request.domain.Attachments;
import org.guichet.request.domain.DocumentRepository;
import org.guichet.request.domain.Request;
import org.guichet.request.domain.RequestRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What every service of requests shares: saving a move and publishing its event, what follows a move (the next
 * decider, or completion and its document), who may read a request, and the view of it they read.
 */
@Component
class RequestRoute {

    /** The approval kind of the manager's step. */
    static final ApprovalKind APPROVAL_KIND = new ApprovalKind("request");

    private final RequestRepository requests;
    private final DocumentRepository documents;
    private final Attachments attachments;
    private final RequestSettings settings;
    private final DirectoryManagement directory;
    private final ApprovalManagement approvals;
    private final DocumentIssuer issuer;
    private final ApplicationEventPublisher events;

    RequestRoute(
            RequestRepository requests,
            DocumentRepository documents,
            Attachments attachments,
            RequestSettings settings,
            DirectoryManagement directory,
            ApprovalManagement approvals,
            DocumentIssuer issuer,
            ApplicationEventPublisher events) {
        this.requests = requests;
        this.documents = documents;
        this.attachments = attachments;
        this.settings = settings;
        this.directory = directory;
        this.approvals = approvals;
        this.issuer = issuer;
        this.events = events;
    }

    /** Saves the move, or refuses it when the request moved meanwhile; publishes its event. */
    Request apply(Request.Move move, RequestError refusal) {
        if (!requests.save(move)) {
            throw new GuichetException(refusal);
        }
        if (move.event() != null) {
            events.publishEvent(move.event());
        }
        return move.to();
    }

    /**
     * What follows a request filed or approved: it completes (producing its type's document) when no one decides any
     * more, is put to the manager whose step it is, or waits in HR's queue.
     */
    void follow(Request request, Instant now) {
        if (request.currentStep() == null) {
            var type = type(request);
            if (type.output() != RequestSettings.Produces.NOTHING) {
                issuer.issue(request, type, requests.fields(request.id()), now);
            }
            apply(request.complete(now), RequestError.NOT_OPEN);
        } else if (request.currentStep() == RequestSettings.Step.MANAGER) {
            putToManager(request);
        } else {
            events.publishEvent(new RequestAwaitingHr(request.id(), request.agent(), request.type(), now));
        }
    }

    /** Puts the request in its manager's approvals. */
    void putToManager(Request request) {
        approvals.submit(
                new ApprovalSubject(
                        APPROVAL_KIND,
                        request.id().toString(),
                        request.agent(),
                        type(request).name(Locale.FRENCH),
                        null,
                        null),
                java.util.Objects.requireNonNull(request.approver()));
    }

    /** Takes the request out of its manager's approvals (sent back, withdrawn). */
    void withdrawFromManager(Request request) {
        approvals.cancel(APPROVAL_KIND, request.id().toString());
    }

    RequestSettings.TypeDefinition type(Request request) {
        return type(request.type());
    }

    /** A type of request, or "unknown type". */
    RequestSettings.TypeDefinition type(String typeId) {
        return settings.type(typeId).orElseThrow(() -> new GuichetException(RequestError.UNKNOWN_TYPE, typeId));
    }

    /** The agent's manager, who decides a manager step. */
    AgentId manager(AgentId agent) {
        var manager = directory.findById(agent).map(AgentProfile::managerId).orElse(null);
        if (manager == null) {
            throw new GuichetException(RequestError.NO_MANAGER);
        }
        return manager;
    }

    boolean isHr(AgentId agent) {
        return directory
                .findById(agent)
                .map(profile -> profile.hasRole(Role.HR))
                .orElse(false);
    }

    /** The agent's own request (a draft included); else "not found". */
    Request own(AgentId agent, RequestId id) {
        return requests.find(id)
                .filter(found -> found.agent().equals(agent))
                .orElseThrow(() -> new GuichetException(RequestError.REQUEST_NOT_FOUND));
    }

    Request find(RequestId id) {
        return requests.find(id).orElseThrow(() -> new GuichetException(RequestError.REQUEST_NOT_FOUND));
    }

    /** A request, for its agent or someone on its route (its manager step's approver, HR); else "not found". */
    Request readable(AgentId reader, RequestId id) {
        var request = find(id);
        if (request.agent().equals(reader) || (request.state() != RequestState.DRAFT && onRoute(reader, request))) {
            return request;
        }
        throw new GuichetException(RequestError.REQUEST_NOT_FOUND);
    }

    /** The manager who decides (or decided) its manager step, or HR when the route has an HR step. */
    private boolean onRoute(AgentId reader, Request request) {
        var type = settings.type(request.type()).orElse(null);
        if (type == null) {
            return false;
        }
        var steps = type.steps();
        if (steps.contains(RequestSettings.Step.MANAGER)
                && directory
                        .findById(request.agent())
                        .map(AgentProfile::managerId)
                        .map(reader::equals)
                        .orElse(false)) {
            return true;
        }
        return steps.contains(RequestSettings.Step.HR) && isHr(reader);
    }

    /** The request as it stands now, as its readers see it. */
    AdminRequest view(RequestId id) {
        return view(find(id));
    }

    AdminRequest view(Request request) {
        return new AdminRequest(
                request.id(),
                request.agent(),
                request.type(),
                requests.fields(request.id()),
                request.state(),
                request.stepIndex(),
                request.stepCount(),
                request.state().open() ? request.currentStep() : null,
                request.submittedAt(),
                request.state().open() ? request.takenBy() : null,
                requests.timeline(request.id()),
                documents.of(request.id()).stream()
                        .map(document -> new AdminRequest.Document(
                                document.id().toString(),
                                document.kind(),
                                document.reference(),
                                document.title(),
                                document.createdAt()))
                        .toList(),
                attachments.of(request.id()).stream()
                        .map(attachment -> new AdminRequest.Attachment(
                                attachment.id().toString(),
                                String.valueOf(attachment.field()),
                                attachment.fileName(),
                                attachment.contentType(),
                                attachment.size()))
                        .toList());
    }
}
