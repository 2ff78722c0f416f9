package org.guichet.approval.web;

import jakarta.validation.Valid;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.guichet.approval.ApprovalError;
import org.guichet.approval.ApprovalId;
import org.guichet.approval.ApprovalItem;
import org.guichet.approval.ApprovalManagement;
import org.guichet.approval.Delegation;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/approvals}: the items waiting for me (mine, or a delegator's), and deciding them with a comment;
 * my delegations. An item that does not wait for the caller is not found, whoever's it is.
 */
@RestController
class ApprovalApiController {

    private final ApprovalManagement approvals;
    private final DirectoryManagement directory;
    private final MessageSource messages;

    ApprovalApiController(ApprovalManagement approvals, DirectoryManagement directory, MessageSource messages) {
        this.approvals = approvals;
        this.directory = directory;
        this.messages = messages;
    }

    record Person(String soi, String name) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "ApprovalItem")
    record Item(
            String id,
            String kind,
            String subject,
            String kindLabel,
            Person requester,
            String details,
            @Nullable LocalDate startsOn,
            @Nullable LocalDate endsOn,
            String state,
            String approverSoi,
            @Nullable String onBehalfOfSoi,
            boolean escalated,
            Instant submittedAt,
            @Nullable String comment) {}

    @GetMapping("/api/v1/approvals")
    List<Item> listWaiting(Principal principal, Locale locale) {
        var me = AgentId.of(principal.getName());
        return approvals.waitingFor(me).stream()
                .map(item -> item(item, me, locale))
                .toList();
    }

    @PostMapping("/api/v1/approvals/{id}/approve")
    Item approve(
            @PathVariable String id,
            @RequestBody(required = false) ApprovalForms.@Nullable DecisionCommand command,
            Principal principal,
            Locale locale) {
        var me = AgentId.of(principal.getName());
        return item(approvals.approve(parse(id), me, command == null ? null : command.comment()), me, locale);
    }

    @PostMapping("/api/v1/approvals/{id}/reject")
    Item reject(
            @PathVariable String id,
            @RequestBody(required = false) ApprovalForms.@Nullable DecisionCommand command,
            Principal principal,
            Locale locale) {
        var me = AgentId.of(principal.getName());
        return item(approvals.reject(parse(id), me, command == null ? null : command.comment()), me, locale);
    }

    record DelegationCommand(
            @Nullable String delegate,
            @Nullable LocalDate startsOn,
            @Nullable LocalDate endsOn) {}

    record DelegationView(String id, Person delegate, LocalDate startsOn, LocalDate endsOn) {

        static DelegationView of(Delegation delegation) {
            return new DelegationView(
                    delegation.id().toString(),
                    new Person(delegation.delegate().soi(), delegation.delegateName()),
                    delegation.startsOn(),
                    delegation.endsOn());
        }
    }

    @GetMapping("/api/v1/approvals/delegations")
    List<DelegationView> listDelegations(Principal principal) {
        return approvals.delegations(AgentId.of(principal.getName())).stream()
                .map(DelegationView::of)
                .toList();
    }

    @PostMapping("/api/v1/approvals/delegations")
    @ResponseStatus(HttpStatus.CREATED)
    DelegationView delegate(@Valid @RequestBody DelegationCommand command, Principal principal) {
        if (command.delegate() == null || command.startsOn() == null || command.endsOn() == null) {
            throw new GuichetException(
                    command.delegate() == null
                            ? ApprovalError.DELEGATE_INVALID
                            : ApprovalError.DELEGATION_DATES_INVALID);
        }
        var delegate = directory
                .findByIdentifier(command.delegate())
                .orElseThrow(() -> new GuichetException(ApprovalError.DELEGATE_INVALID));
        return DelegationView.of(approvals.delegate(
                AgentId.of(principal.getName()), delegate.id(), command.startsOn(), command.endsOn()));
    }

    private Item item(ApprovalItem item, AgentId me, Locale locale) {
        return new Item(
                item.id().toString(),
                item.kind(),
                item.subject(),
                messages.getMessage("approval.kind." + item.kind(), null, item.kind(), locale),
                new Person(item.requester().soi(), item.requesterName()),
                item.details(),
                item.startsOn(),
                item.endsOn(),
                item.state().name(),
                item.approver().soi(),
                item.approver().equals(me) ? null : item.approver().soi(),
                item.escalated(),
                item.submittedAt(),
                item.comment());
    }

    private static ApprovalId parse(String id) {
        return ApprovalId.parse(id).orElseThrow(() -> new GuichetException(ApprovalError.APPROVAL_NOT_FOUND));
    }
}
