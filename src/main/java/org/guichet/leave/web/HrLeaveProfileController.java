package org.guichet.leave.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.leave.LeaveBalances;
import org.guichet.leave.LeaveError;
import org.guichet.leave.LeaveProfile;
import org.guichet.platform.FormDates;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * HR's page for what an agent's leave rights follow from (it was API only): working time, weekly hours, days not
 * worked, arrival date. Found by SOI, login or e-mail; this year's and next year's rights follow at once.
 */
@Controller
class HrLeaveProfileController {

    /** The weekdays a part-timer may not work. */
    static final List<DayOfWeek> WEEKDAYS =
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private final LeaveBalances leave;
    private final DirectoryManagement directory;

    HrLeaveProfileController(LeaveBalances leave, DirectoryManagement directory) {
        this.leave = leave;
        this.directory = directory;
    }

    @GetMapping("/hr/leave/profile")
    String showProfile(
            @RequestParam(required = false) @Nullable String agent, HttpServletResponse response, Model model) {
        model.addAttribute("weekdays", WEEKDAYS);
        model.addAttribute("agentQuery", agent);
        if (agent == null || agent.isBlank()) {
            return "leave/hr-profile";
        }
        var found = directory.findByIdentifier(agent).orElse(null);
        if (found == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("agentError", "leave.hr.agent.unknown");
            return "leave/hr-profile";
        }
        var profile = leave.profile(found.id());
        show(
                model,
                found,
                String.valueOf(profile.workingTime()),
                profile.weeklyHours().stripTrailingZeros().toPlainString(),
                profile.daysOff().stream().map(DayOfWeek::name).toList(),
                profile.arrival() == null ? "" : profile.arrival().toString());
        return "leave/hr-profile";
    }

    @PostMapping("/hr/leave/profile")
    String processProfile(
            @RequestParam(required = false) @Nullable String agent,
            @RequestParam(required = false) @Nullable String workingTime,
            @RequestParam(required = false) @Nullable String weeklyHours,
            @RequestParam(name = "daysOff", required = false) @Nullable List<String> daysOff,
            @RequestParam(required = false) @Nullable String arrival,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("weekdays", WEEKDAYS);
        model.addAttribute("agentQuery", agent);
        var found = agent == null ? null : directory.findByIdentifier(agent).orElse(null);
        if (found == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("agentError", "leave.hr.agent.unknown");
            return "leave/hr-profile";
        }
        var days = EnumSet.noneOf(DayOfWeek.class);
        for (var day : WEEKDAYS) {
            if (daysOff != null && daysOff.contains(day.name())) {
                days.add(day);
            }
        }
        try {
            leave.changeProfile(
                    found.id(),
                    new LeaveProfile(
                            number(workingTime).intValueExact(), number(weeklyHours), days, FormDates.parse(arrival)));
        } catch (GuichetException | ArithmeticException | IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("refusal", "leave.error.PROFILE_INVALID");
            show(model, found, workingTime, weeklyHours, daysOff == null ? List.of() : daysOff, arrival);
            return "leave/hr-profile";
        }
        redirect.addFlashAttribute("saved", found.displayName());
        redirect.addAttribute("agent", found.id().soi());
        return "redirect:/hr/leave/profile";
    }

    private static void show(
            Model model,
            AgentProfile agent,
            @Nullable String workingTime,
            @Nullable String weeklyHours,
            List<String> daysOff,
            @Nullable String arrival) {
        model.addAttribute("agentProfile", agent);
        model.addAttribute("workingTime", workingTime);
        model.addAttribute("weeklyHours", weeklyHours);
        model.addAttribute("daysOff", daysOff);
        model.addAttribute("arrival", arrival);
    }

    /** A number as people type it ("38,5"); an unreadable one is refused like a wrong one. */
    private static BigDecimal number(@Nullable String text) {
        try {
            var value = new BigDecimal(text == null ? "" : text.strip().replace(',', '.'));
            if (value.abs().compareTo(BigDecimal.valueOf(1000)) > 0) {
                throw new GuichetException(LeaveError.PROFILE_INVALID);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new GuichetException(LeaveError.PROFILE_INVALID);
        }
    }
}
