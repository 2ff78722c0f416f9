package org.guichet.request;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.guichet.approval.ApprovalKind;
import org.guichet.approval.ApprovalManagement;
import org.guichet.approval.ApprovalSubject;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.directory.Role;
import org.guichet.platform.GuichetException;
import org.guichet.request.documents.Certificates;
import org.guichet.request.domain.Attachments;
import org.guichet.request.domain.RequestFields;
import org.guichet.request.domain.RequestRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What agents, managers, HR and other modules may do with administrative requests. A request follows its type's
 * route: the manager decides through the approval module, then HR from its queue; once every step approved, the request
 * completes and produces its document, if any. Only the agent and the people on the route read it.
 */
@Service
public class RequestManagement {

    /** The approval kind of the manager's step. */
    public static final ApprovalKind APPROVAL_KIND = new ApprovalKind("request");

    private final RequestRepository requests;
    private final RequestSettings settings;
    private final DirectoryManagement directory;
    private final ApprovalManagement approvals;
    private final Certificates certificates;
    private final Attachments attachments;
    private final org.guichet.payslip.PayslipManagement payslips;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RequestManagement(
            RequestRepository requests,
            RequestSettings settings,
            DirectoryManagement directory,
            ApprovalManagement approvals,
            Certificates certificates,
            Attachments attachments,
            org.guichet.payslip.PayslipManagement payslips,
            ApplicationEventPublisher events,
            Clock clock) {
        this.requests = requests;
        this.settings = settings;
        this.directory = directory;
        this.approvals = approvals;
        this.certificates = certificates;
        this.attachments = attachments;
        this.payslips = payslips;
        this.events = events;
        this.clock = clock;
    }

    public List<RequestSettings.TypeDefinition> types() {
        return settings.types();
    }

    /** Files a request: its fields checked, its route started, or completed at once when it has none. */
    @Transactional
    public AdminRequest submit(AgentId agent, String typeId, Map<String, String> input) {
        var type = settings.type(typeId).orElseThrow(() -> new GuichetException(RequestError.UNKNOWN_TYPE, typeId));
        var fields = RequestFields.check(type, input);
        var now = clock.instant();
        var id = create(agent, type, fields, now);
        return start(agent, id, type, now);
    }

    /**
     * Saves a request without filing it: the fields given are checked, the required ones may wait. The agent files
     * it later ({@link #submitDraft}) or withdraws it.
     */
    @Transactional
    public AdminRequest saveDraft(AgentId agent, String typeId, Map<String, String> input) {
        var type = settings.type(typeId).orElseThrow(() -> new GuichetException(RequestError.UNKNOWN_TYPE, typeId));
        var fields = RequestFields.checkDraft(type, input);
        var now = clock.instant();
        var id = create(agent, type, fields, now);
        requests.event(id, now, "DRAFTED", null, agent, null);
        return view(requests.find(id).orElseThrow());
    }

    /** Files a draft: every field checked now, then as {@link #submit}. */
    @Transactional
    public AdminRequest submitDraft(AgentId agent, RequestId id) {
        var row = requests.find(id)
                .filter(found -> found.agent().equals(agent))
                .orElseThrow(() -> new GuichetException(RequestError.REQUEST_NOT_FOUND));
        if (row.state() != RequestState.DRAFT) {
            throw new GuichetException(RequestError.NOT_OPEN);
        }
        var type = settings.type(row.type())
                .orElseThrow(() -> new GuichetException(RequestError.UNKNOWN_TYPE, row.type()));
        RequestFields.check(type, requests.fields(id));
        return start(agent, id, type, clock.instant());
    }

    /** Writes a request in draft with its fields, and attaches its uploads. */
    private RequestId create(
            AgentId agent, RequestSettings.TypeDefinition type, Map<String, String> fields, Instant now) {
        var id = RequestId.random();
        requests.insert(
                new RequestRepository.Row(
                        id,
                        agent,
                        type.id(),
                        RequestState.DRAFT,
                        0,
                        type.steps().size(),
                        null,
                        null,
                        null,
                        now),
                fields);
        attach(agent, id, type, fields);
        return id;
    }

    private void attach(AgentId agent, RequestId id, RequestSettings.TypeDefinition type, Map<String, String> fields) {
        for (var field : type.fieldList()) {
            var value = fields.get(field.name());
            if (field.kind() == RequestSettings.Kind.ATTACHMENT
                    && value != null
                    && !attachments.attach(agent, UUID.fromString(value), id, field.name())) {
                throw new GuichetException(RequestError.FIELD_INVALID, field.name());
            }
        }
    }

    /** Starts the route of a request in draft: the first step waits, or the request completes when it has none. */
    private AdminRequest start(AgentId agent, RequestId id, RequestSettings.TypeDefinition type, Instant now) {
        var steps = type.steps();
        var first = steps.isEmpty() ? null : steps.getFirst();
        var approver = first == RequestSettings.Step.MANAGER ? manager(agent) : null;
        if (!requests.move(id, RequestState.DRAFT, 0, RequestState.IN_REVIEW, 1, first, approver, now)) {
            throw new GuichetException(RequestError.NOT_OPEN);
        }
        requests.event(id, now, "SUBMITTED", null, agent, null);
        events.publishEvent(new RequestSubmitted(id, agent, type.id(), now));
        if (first == null) {
            complete(requests.find(id).orElseThrow(), now);
        } else if (approver != null) {
            approvals.submit(approvalSubject(id, agent, type), approver);
        } else {
            events.publishEvent(new RequestAwaitingHr(id, agent, type.id(), now));
        }
        return view(requests.find(id).orElseThrow());
    }

    /** The agent's requests, latest first. */
    @Transactional(readOnly = true)
    public List<AdminRequest> requests(AgentId agent) {
        return requests.ofAgent(agent).stream().map(this::view).toList();
    }

    /** A request, for its agent or someone on its route (its manager step's approver, HR); else "not found". */
    @Transactional(readOnly = true)
    public AdminRequest request(AgentId reader, RequestId id) {
        return view(readable(reader, id));
    }

    /** A document of a request, for the same people. */
    @Transactional(readOnly = true)
    public DocumentContent document(AgentId reader, RequestId id, String documentId) {
        readable(reader, id);
        var document = requests.documents(id).stream()
                .filter(row -> row.id().toString().equals(documentId))
                .findFirst()
                .orElseThrow(() -> new GuichetException(RequestError.DOCUMENT_NOT_FOUND));
        return new DocumentContent(document.title(), document.reference(), requests.content(document.id()));
    }

    /** Stores a file the agent will attach to a request they file (PDF, JPEG or PNG by content, 10 MB at most). */
    @Transactional
    public Attachments.Attachment upload(AgentId agent, String fileName, byte[] content) {
        return attachments.upload(agent, fileName, content, clock.instant());
    }

    /** An attachment of a request, for the agent and the people on its route only. */
    @Transactional(readOnly = true)
    public AttachmentContent attachment(AgentId reader, RequestId id, String attachmentId) {
        readable(reader, id);
        var attachment = attachments.of(id).stream()
                .filter(candidate -> candidate.id().toString().equals(attachmentId))
                .findFirst()
                .orElseThrow(() -> new GuichetException(RequestError.ATTACHMENT_NOT_FOUND));
        return new AttachmentContent(
                attachment.fileName(), attachment.contentType(), attachments.content(attachment.id()));
    }

    /** An attachment's file. */
    public record AttachmentContent(String fileName, String contentType, byte[] content) {}

    /**
     * Whoever decides the current step sends the request back to its agent for more information (the comment says
     * what); the request waits, at the same step, for the answer.
     */
    @Transactional
    public AdminRequest askInformation(AgentId decider, RequestId id, @Nullable String comment) {
        var row = requests.find(id).orElseThrow(() -> new GuichetException(RequestError.REQUEST_NOT_FOUND));
        if (row.state() != RequestState.IN_REVIEW || row.currentStep() == null) {
            throw new GuichetException(RequestError.NOT_OPEN);
        }
        var decides = row.currentStep() == RequestSettings.Step.MANAGER
                ? decider.equals(row.approver())
                : !decider.equals(row.agent())
                        && directory
                                .findById(decider)
                                .map(profile -> profile.hasRole(Role.HR))
                                .orElse(false);
        if (!decides) {
            throw new GuichetException(RequestError.NOT_THE_DECIDER);
        }
        var why = required(comment);
        var now = clock.instant();
        if (!requests.move(
                id,
                RequestState.IN_REVIEW,
                row.stepIndex(),
                RequestState.INFO_REQUESTED,
                row.stepIndex(),
                row.currentStep(),
                row.approver(),
                now)) {
            throw new GuichetException(RequestError.NOT_OPEN);
        }
        approvals.cancel(APPROVAL_KIND, id.toString());
        requests.event(id, now, "INFO_REQUESTED", row.currentStep(), decider, why);
        events.publishEvent(new RequestInformationRequested(id, row.agent(), row.type(), decider, why, now));
        return view(requests.find(id).orElseThrow());
    }

    /** The agent answers; the request goes back to whoever asked, at the same step. */
    @Transactional
    public AdminRequest giveInformation(AgentId agent, RequestId id, @Nullable String comment) {
        var row = requests.find(id)
                .filter(found -> found.agent().equals(agent))
                .orElseThrow(() -> new GuichetException(RequestError.REQUEST_NOT_FOUND));
        var answer = required(comment);
        var now = clock.instant();
        if (row.state() != RequestState.INFO_REQUESTED
                || !requests.move(
                        id,
                        RequestState.INFO_REQUESTED,
                        row.stepIndex(),
                        RequestState.IN_REVIEW,
                        row.stepIndex(),
                        row.currentStep(),
                        row.approver(),
                        now)) {
            throw new GuichetException(RequestError.NOT_WAITING_FOR_INFORMATION);
        }
        requests.event(id, now, "INFO_GIVEN", row.currentStep(), agent, answer);
        if (row.currentStep() == RequestSettings.Step.MANAGER && row.approver() != null) {
            approvals.submit(
                    approvalSubject(id, agent, settings.type(row.type()).orElseThrow()), row.approver());
        }
        return view(requests.find(id).orElseThrow());
    }

    private static String required(@Nullable String comment) {
        if (comment == null || comment.isBlank()) {
            throw new GuichetException(RequestError.COMMENT_REQUIRED);
        }
        var text = comment.strip();
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    /** A document's PDF. */
    public record DocumentContent(String title, String reference, byte[] content) {}

    /** What the public verification page says of a reference: only whether it is authentic and what it certifies. */
    @Transactional(readOnly = true)
    public java.util.Optional<Verification> verify(String reference) {
        if (reference.length() > 20) {
            return java.util.Optional.empty();
        }
        return requests.documentByReference(reference.strip().toUpperCase(Locale.ROOT))
                .map(row -> new Verification(row.reference(), row.kind(), row.summary(), row.createdAt()));
    }

    /** A verified document: its reference, kind, what it certifies, and when it was issued. */
    public record Verification(String reference, String kind, String summary, Instant issuedAt) {}

    /** Withdraws an open request (the agent's own). */
    @Transactional
    public AdminRequest cancel(AgentId agent, RequestId id) {
        var row = requests.find(id)
                .filter(found -> found.agent().equals(agent))
                .orElseThrow(() -> new GuichetException(RequestError.REQUEST_NOT_FOUND));
        var now = clock.instant();
        if ((!row.state().open() && row.state() != RequestState.DRAFT)
                || !requests.move(
                        id, row.state(), row.stepIndex(), RequestState.CANCELLED, row.stepIndex(), null, null, now)) {
            throw new GuichetException(RequestError.NOT_OPEN);
        }
        approvals.cancel(APPROVAL_KIND, id.toString());
        requests.event(id, now, "CANCELLED", null, agent, null);
        events.publishEvent(new RequestCancelled(id, agent, row.type(), now));
        return view(requests.find(id).orElseThrow());
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
        var before = clock.instant().minus(java.time.Duration.ofDays(Math.max(days, 0)));
        return requests.waitingForHr().stream()
                .filter(row -> type == null || type.isBlank() || row.type().equalsIgnoreCase(type))
                .filter(row -> !row.submittedAt().isAfter(before))
                .map(this::view)
                .toList();
    }

    /** Someone of HR takes a request of the queue: the others see who handles it, and cannot decide it. */
    @Transactional
    public AdminRequest take(AgentId hr, RequestId id) {
        var row = requests.find(id).orElseThrow(() -> new GuichetException(RequestError.REQUEST_NOT_FOUND));
        if (row.currentStep() != RequestSettings.Step.HR
                || !row.state().open()
                || row.agent().equals(hr)) {
            throw new GuichetException(RequestError.NOT_FOR_HR);
        }
        if (!requests.take(id, hr)) {
            var other = requests.find(id).map(RequestRepository.Row::takenBy).orElse(null);
            throw new GuichetException(
                    RequestError.TAKEN_BY_ANOTHER, other == null ? "" : directory.displayName(other));
        }
        return view(requests.find(id).orElseThrow());
    }

    /** HR approves or rejects the request waiting for them (a rejection says why). */
    @Transactional
    public AdminRequest decideAsHr(AgentId hr, RequestId id, boolean approve, @Nullable String comment) {
        var row = requests.find(id).orElseThrow(() -> new GuichetException(RequestError.REQUEST_NOT_FOUND));
        if (row.currentStep() != RequestSettings.Step.HR || row.state() != RequestState.IN_REVIEW) {
            throw new GuichetException(RequestError.NOT_FOR_HR);
        }
        if (row.agent().equals(hr)) {
            throw new GuichetException(RequestError.NOT_FOR_HR);
        }
        if (row.takenBy() != null && !row.takenBy().equals(hr)) {
            throw new GuichetException(RequestError.TAKEN_BY_ANOTHER, directory.displayName(row.takenBy()));
        }
        decide(row, RequestSettings.Step.HR, approve, hr, comment, clock.instant());
        return view(requests.find(id).orElseThrow());
    }

    /** The manager's decision through the approval module (in the deciding transaction). */
    void decidedByManager(RequestId id, boolean approve, AgentId by, @Nullable String comment, Instant at) {
        requests.find(id)
                .filter(row ->
                        row.currentStep() == RequestSettings.Step.MANAGER && row.state() == RequestState.IN_REVIEW)
                .ifPresent(row -> decide(row, RequestSettings.Step.MANAGER, approve, by, comment, at));
    }

    private void decide(
            RequestRepository.Row row,
            RequestSettings.Step step,
            boolean approve,
            AgentId by,
            @Nullable String comment,
            Instant now) {
        var why = comment == null || comment.isBlank() ? null : comment.strip();
        if (!approve && why == null) {
            throw new GuichetException(RequestError.COMMENT_REQUIRED);
        }
        if (!approve) {
            if (!requests.move(
                    row.id(),
                    RequestState.IN_REVIEW,
                    row.stepIndex(),
                    RequestState.REJECTED,
                    row.stepIndex(),
                    null,
                    null,
                    now)) {
                throw new GuichetException(RequestError.NOT_OPEN);
            }
            requests.event(row.id(), now, "REJECTED", step, by, why);
            events.publishEvent(new RequestRejected(row.id(), row.agent(), row.type(), step, by, why, now));
            return;
        }
        var type = settings.type(row.type()).orElseThrow();
        var last = row.stepIndex() >= row.stepCount();
        var next = last ? null : type.steps().get(row.stepIndex());
        var approver = next == RequestSettings.Step.MANAGER ? manager(row.agent()) : null;
        if (!requests.move(
                row.id(),
                RequestState.IN_REVIEW,
                row.stepIndex(),
                RequestState.IN_REVIEW,
                row.stepIndex() + (last ? 0 : 1),
                next,
                approver,
                now)) {
            throw new GuichetException(RequestError.NOT_OPEN);
        }
        requests.event(row.id(), now, "APPROVED", step, by, why);
        events.publishEvent(new RequestStepApproved(row.id(), row.agent(), row.type(), step, by, why, now));
        if (last) {
            complete(requests.find(row.id()).orElseThrow(), now);
        } else if (approver != null) {
            approvals.submit(approvalSubject(row.id(), row.agent(), type), approver);
        } else {
            events.publishEvent(new RequestAwaitingHr(row.id(), row.agent(), row.type(), now));
        }
    }

    /** Every step approved: produces the type's document and completes. */
    private void complete(RequestRepository.Row row, Instant now) {
        var type = settings.type(row.type()).orElseThrow();
        if (type.output() != RequestSettings.Produces.NOTHING) {
            var agent = directory.findById(row.agent()).orElseThrow();
            var certificate = type.output() == RequestSettings.Produces.EMPLOYMENT_CERTIFICATE
                    ? certificates.employment(agent, now)
                    : salaryCertificate(agent, requests.fields(row.id()), now);
            requests.insertDocument(
                    new RequestRepository.DocumentRow(
                            UUID.randomUUID(),
                            row.id(),
                            row.agent(),
                            certificate.kind(),
                            certificate.reference(),
                            certificate.title(),
                            certificate.summary(),
                            now),
                    certificate.content());
        }
        requests.move(
                row.id(),
                RequestState.IN_REVIEW,
                row.stepIndex(),
                RequestState.COMPLETED,
                row.stepIndex(),
                null,
                null,
                now);
        requests.event(row.id(), now, "COMPLETED", null, null, null);
        events.publishEvent(new RequestCompleted(row.id(), row.agent(), row.type(), now));
    }

    /** The salary certificate of the months the fields {@code from} and {@code to} give (both days included). */
    private Certificates.Certificate salaryCertificate(AgentProfile agent, Map<String, String> fields, Instant now) {
        var first = java.time.YearMonth.from(java.time.LocalDate.parse(fields.get("from")));
        var last = java.time.YearMonth.from(java.time.LocalDate.parse(fields.get("to")));
        var payslipsOfPeriod = payslips.payslips(agent.id()).stream()
                .filter(payslip ->
                        !payslip.period().isBefore(first) && !payslip.period().isAfter(last))
                .sorted(java.util.Comparator.comparing(org.guichet.payslip.Payslip::period))
                .toList();
        return certificates.salary(agent, payslipsOfPeriod, first, last, now);
    }

    private AgentId manager(AgentId agent) {
        var manager = directory.findById(agent).map(AgentProfile::managerId).orElse(null);
        if (manager == null) {
            throw new GuichetException(RequestError.NO_MANAGER);
        }
        return manager;
    }

    private ApprovalSubject approvalSubject(RequestId id, AgentId agent, RequestSettings.TypeDefinition type) {
        return new ApprovalSubject(APPROVAL_KIND, id.toString(), agent, type.name(Locale.FRENCH), null, null);
    }

    private RequestRepository.Row readable(AgentId reader, RequestId id) {
        var row = requests.find(id).orElseThrow(() -> new GuichetException(RequestError.REQUEST_NOT_FOUND));
        if (row.agent().equals(reader) || (row.state() != RequestState.DRAFT && onRoute(reader, row))) {
            return row;
        }
        throw new GuichetException(RequestError.REQUEST_NOT_FOUND);
    }

    /** The manager who decides (or decided) its manager step, or HR when the route has an HR step. */
    private boolean onRoute(AgentId reader, RequestRepository.Row row) {
        var type = settings.type(row.type()).orElse(null);
        if (type == null) {
            return false;
        }
        var steps = type.steps();
        if (steps.contains(RequestSettings.Step.MANAGER)
                && directory
                        .findById(row.agent())
                        .map(AgentProfile::managerId)
                        .map(reader::equals)
                        .orElse(false)) {
            return true;
        }
        return steps.contains(RequestSettings.Step.HR)
                && directory
                        .findById(reader)
                        .map(profile -> profile.hasRole(Role.HR))
                        .orElse(false);
    }

    private AdminRequest view(RequestRepository.Row row) {
        return new AdminRequest(
                row.id(),
                row.agent(),
                row.type(),
                requests.fields(row.id()),
                row.state(),
                row.stepIndex(),
                row.stepCount(),
                row.state().open() ? row.currentStep() : null,
                row.submittedAt(),
                row.state().open() ? row.takenBy() : null,
                requests.timeline(row.id()),
                requests.documents(row.id()).stream()
                        .map(document -> new AdminRequest.Document(
                                document.id().toString(),
                                document.kind(),
                                document.reference(),
                                document.title(),
                                document.createdAt()))
                        .toList(),
                attachments.of(row.id()).stream()
                        .map(attachment -> new AdminRequest.Attachment(
                                attachment.id().toString(),
                                String.valueOf(attachment.field()),
                                attachment.fileName(),
                                attachment.contentType(),
                                attachment.size()))
                        .toList());
    }
}
