package org.guichet.leave.web;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.guichet.directory.AgentId;
import org.guichet.leave.Balance;
import org.guichet.leave.LeaveBalances;
import org.guichet.leave.LeaveCommand;
import org.guichet.leave.LeaveError;
import org.guichet.leave.LeaveManagement;
import org.guichet.leave.LeaveRequest;
import org.guichet.leave.LeaveRequestId;
import org.guichet.leave.LeaveType;
import org.guichet.platform.DisplayZone;
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

/** The leave API of the mobile app: balances, requests, a new request, a cancellation, a working-day count. */
@RestController
class LeaveApiController {

    private final LeaveManagement leave;
    private final LeaveBalances balances;
    private final MessageSource messages;
    private final java.time.Clock clock;

    LeaveApiController(LeaveManagement leave, LeaveBalances balances, MessageSource messages, java.time.Clock clock) {
        this.balances = balances;
        this.leave = leave;
        this.messages = messages;
        this.clock = clock;
    }

    record BalanceView(
            String type,
            String label,
            int year,
            BigDecimal acquired,
            BigDecimal taken,
            BigDecimal pending,
            BigDecimal remaining) {}

    record RequestView(
            String id,
            String type,
            String label,
            LocalDate start,
            LocalDate end,
            boolean startHalfDay,
            boolean endHalfDay,
            BigDecimal days,
            @Nullable String comment,
            String state,
            Instant requestedAt,
            @Nullable Instant decidedAt,
            @Nullable String decisionComment,
            boolean cancellable) {}

    /** A request as the API takes it; {@code type} is the name of a {@link LeaveType}. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "LeaveRequestCommand")
    record RequestCommand(
            @Nullable String type,
            @Nullable LocalDate start,
            @Nullable LocalDate end,
            @Nullable Boolean startHalfDay,
            @Nullable Boolean endHalfDay,
            @Nullable String comment) {

        LeaveCommand command() {
            return new LeaveCommand(
                    LeaveApiController.type(type),
                    start,
                    end,
                    Boolean.TRUE.equals(startHalfDay),
                    Boolean.TRUE.equals(endHalfDay),
                    comment);
        }
    }

    record CountView(BigDecimal days) {}

    @GetMapping("/api/v1/leave/balances")
    List<BalanceView> balances(
            @RequestParam(required = false) @Nullable Integer year, Principal principal, Locale locale) {
        var shown = year == null ? DisplayZone.today(clock).getYear() : year;
        return balances.balances(AgentId.of(principal.getName()), shown).stream()
                .map(balance -> balance(balance, locale))
                .toList();
    }

    @GetMapping("/api/v1/leave/requests")
    List<RequestView> requests(Principal principal, Locale locale) {
        return leave.requests(AgentId.of(principal.getName())).stream()
                .map(request -> request(request, locale))
                .toList();
    }

    @PostMapping("/api/v1/leave/requests")
    @ResponseStatus(HttpStatus.CREATED)
    RequestView create(@RequestBody RequestCommand command, Principal principal, Locale locale) {
        return request(leave.request(AgentId.of(principal.getName()), command.command()), locale);
    }

    @PostMapping("/api/v1/leave/requests/{id}/cancel")
    RequestView cancel(@PathVariable String id, Principal principal, Locale locale) {
        var request = LeaveRequestId.parse(id).orElseThrow(() -> new GuichetException(LeaveError.REQUEST_NOT_FOUND));
        return request(leave.cancel(AgentId.of(principal.getName()), request), locale);
    }

    /** Days to save on the time-savings account, from this year's annual leave or RTT. */
    record DepositCommand(@Nullable String from, @Nullable BigDecimal days) {}

    @PostMapping("/api/v1/leave/cet/deposits")
    @ResponseStatus(HttpStatus.CREATED)
    BalanceView deposit(@RequestBody DepositCommand command, Principal principal, Locale locale) {
        var from = type(command.from());
        if (from == null || command.days() == null) {
            throw new GuichetException(
                    LeaveError.DEPOSIT_INVALID,
                    leave.settings().cet().minAnnualTaken(),
                    leave.settings().cet().maxBalance());
        }
        return balance(balances.deposit(AgentId.of(principal.getName()), from, command.days()), locale);
    }

    /** How many working days a period counts for me, before I ask (weekends, public holidays, days off excluded). */
    @GetMapping("/api/v1/leave/working-days")
    CountView count(
            @RequestParam LocalDate start,
            @RequestParam LocalDate end,
            @RequestParam(defaultValue = "false") boolean startHalfDay,
            @RequestParam(defaultValue = "false") boolean endHalfDay,
            Principal principal) {
        if (end.isBefore(start) || end.isAfter(start.plusYears(1))) {
            throw new GuichetException(LeaveError.END_BEFORE_START);
        }
        return new CountView(balances.count(AgentId.of(principal.getName()), start, end, startHalfDay, endHalfDay)
                .days());
    }

    private BalanceView balance(Balance balance, Locale locale) {
        return new BalanceView(
                balance.type().name(),
                messages.getMessage("leave.type." + balance.type().name(), null, locale),
                balance.year(),
                balance.acquired(),
                balance.taken(),
                balance.pending(),
                balance.remaining());
    }

    private RequestView request(LeaveRequest request, Locale locale) {
        return new RequestView(
                request.id().toString(),
                request.type().name(),
                messages.getMessage("leave.type." + request.type().name(), null, locale),
                request.start(),
                request.end(),
                request.startHalfDay(),
                request.endHalfDay(),
                request.days(),
                request.comment(),
                request.state().name(),
                request.requestedAt(),
                request.decidedAt(),
                request.decisionComment(),
                request.cancellable(DisplayZone.today(clock)));
    }

    private static @Nullable LeaveType type(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return java.util.Arrays.stream(LeaveType.values())
                .filter(type -> type.name().equalsIgnoreCase(name.strip()))
                .findFirst()
                .orElseThrow(() -> new GuichetException(LeaveError.TYPE_NOT_REQUESTABLE));
    }
}
