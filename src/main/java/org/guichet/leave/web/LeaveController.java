package org.guichet.leave.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.leave.LeaveBalances;
import org.guichet.leave.LeaveError;
import org.guichet.leave.LeaveManagement;
import org.guichet.leave.LeaveRequest;
import org.guichet.leave.LeaveRequestId;
import org.guichet.leave.LeaveType;
import org.guichet.leave.domain.LeaveChecks;
import org.guichet.platform.DisplayZone;
import org.guichet.platform.GuichetException;
import org.guichet.platform.PublicHolidays;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Leave and absences": balances, the request form, my requests with their cancellation, the team calendar for
 * managers, and my approved leave as an iCalendar file.
 */
@Controller
class LeaveController {

    private final LeaveManagement leave;
    private final LeaveBalances balances;
    private final DirectoryManagement directory;
    private final java.time.Clock clock;

    LeaveController(
            LeaveManagement leave, LeaveBalances balances, DirectoryManagement directory, java.time.Clock clock) {
        this.balances = balances;
        this.leave = leave;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/leave")
    String showLeave(Principal principal, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", LeaveForm.empty());
        }
        return page(AgentId.of(principal.getName()), model);
    }

    @PostMapping("/leave")
    String processLeaveForm(
            @ModelAttribute("form") LeaveForm form,
            BindingResult result,
            Principal principal,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        var agent = AgentId.of(principal.getName());
        var command = form.command(result);
        if (command == null || result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(agent, model);
        }
        try {
            var request = leave.request(agent, command);
            redirect.addFlashAttribute("requested", request.days());
            redirect.addFlashAttribute(
                    "approver",
                    directory
                            .findById(agent)
                            .map(AgentProfile::managerId)
                            .map(directory::displayName)
                            .orElse(""));
            return "redirect:/leave";
        } catch (GuichetException e) {
            response.setStatus(LeaveErrors.reject(e, result, model));
            return page(agent, model);
        }
    }

    /** Saves days of this year's annual leave or RTT on the time-savings account. */
    @PostMapping("/leave/cet")
    String processDeposit(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String days,
            Principal principal,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        var agent = AgentId.of(principal.getName());
        var type = LeaveType.ANNUAL.name().equals(from)
                ? LeaveType.ANNUAL
                : LeaveType.RTT.name().equals(from) ? LeaveType.RTT : null;
        BigDecimal amount = null;
        try {
            amount = days == null || days.isBlank()
                    ? null
                    : new BigDecimal(days.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            // refused below, with the rules
        }
        try {
            if (type == null || amount == null || amount.abs().compareTo(BigDecimal.valueOf(1000)) > 0) {
                throw new GuichetException(
                        LeaveError.DEPOSIT_INVALID,
                        leave.settings().cet().minAnnualTaken(),
                        leave.settings().cet().maxBalance());
            }
            var balance = balances.deposit(agent, type, amount);
            redirect.addFlashAttribute("deposited", amount.stripTrailingZeros().toPlainString());
            redirect.addFlashAttribute(
                    "cetBalance", balance.remaining().stripTrailingZeros().toPlainString());
            return "redirect:/leave#cet";
        } catch (GuichetException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("depositError", e.errorCode().messageKey());
            model.addAttribute("depositArguments", e.getDetailMessageArguments());
            model.addAttribute("depositFrom", from);
            model.addAttribute("depositDays", days);
            model.addAttribute("form", LeaveForm.empty());
            return page(agent, model);
        }
    }

    @PostMapping("/leave/requests/{id}/cancel")
    String processCancellation(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
        var request = LeaveRequestId.parse(id).orElseThrow(() -> new GuichetException(LeaveError.REQUEST_NOT_FOUND));
        leave.cancel(AgentId.of(principal.getName()), request);
        redirect.addFlashAttribute("cancelled", true);
        return "redirect:/leave";
    }

    /** Who of my team is away when, a month at a time (managers). */
    @GetMapping("/leave/team")
    String showTeam(@RequestParam(required = false) @Nullable YearMonth month, Principal principal, Model model) {
        var shown = month == null ? YearMonth.from(DisplayZone.today(clock)) : month;
        var team = directory.reports(AgentId.of(principal.getName()));
        if (team.isEmpty()) {
            throw new GuichetException(org.guichet.platform.PlatformError.FORBIDDEN);
        }
        var requests = leave.team(team.stream().map(AgentProfile::id).toList(), shown.atDay(1), shown.atEndOfMonth());
        Map<AgentId, List<LeaveRequest>> byAgent =
                requests.stream().collect(Collectors.groupingBy(LeaveRequest::agent));
        var days = new ArrayList<LocalDate>();
        for (var day = shown.atDay(1); !day.isAfter(shown.atEndOfMonth()); day = day.plusDays(1)) {
            days.add(day);
        }
        var holidays = PublicHolidays.of(shown.getYear(), leave.settings().alsaceMoselle());
        model.addAttribute("month", shown);
        model.addAttribute("previous", shown.minusMonths(1));
        model.addAttribute("next", shown.plusMonths(1));
        model.addAttribute("team", team);
        model.addAttribute("byAgent", byAgent);
        var awayDays = new java.util.HashMap<AgentId, java.util.Set<LocalDate>>();
        for (var request : requests) {
            for (var day = request.start(); !day.isAfter(request.end()); day = day.plusDays(1)) {
                if (request.covers(day, false) || request.covers(day, true)) {
                    awayDays.computeIfAbsent(request.agent(), agent -> new java.util.HashSet<>())
                            .add(day);
                }
            }
        }
        model.addAttribute("awayDays", awayDays);
        model.addAttribute("days", days);
        model.addAttribute(
                "closed",
                days.stream()
                        .collect(Collectors.toMap(
                                Function.identity(),
                                day -> day.getDayOfWeek().getValue() >= 6 || holidays.containsKey(day))));
        return "leave/team";
    }

    /** My approved leave as an iCalendar file, for any calendar application. */
    @GetMapping(value = "/leave/calendar.ics")
    ResponseEntity<String> showCalendar(Principal principal, Locale locale) {
        var agent = AgentId.of(principal.getName());
        var today = DisplayZone.today(clock);
        var approved = leave.approved(List.of(agent), today.minusYears(1), today.plusYears(2));
        return Calendars.response(Calendars.leave(approved, locale), "conges.ics");
    }

    private String page(AgentId agent, Model model) {
        var today = DisplayZone.today(clock);
        model.addAttribute("today", today);
        model.addAttribute("year", today.getYear());
        model.addAttribute("balances", balances.balances(agent, today.getYear()));
        model.addAttribute("requests", leave.requests(agent));
        model.addAttribute(
                "types",
                java.util.Arrays.stream(LeaveType.values())
                        .filter(LeaveType::requestable)
                        .toList());
        model.addAttribute("manager", !directory.reports(agent).isEmpty());
        model.addAttribute("commentMaxLength", LeaveChecks.COMMENT_MAX_LENGTH);
        model.addAttribute("cetMinAnnualTaken", leave.settings().cet().minAnnualTaken());
        model.addAttribute("cetMaxBalance", leave.settings().cet().maxBalance());
        return "leave/leave";
    }
}
