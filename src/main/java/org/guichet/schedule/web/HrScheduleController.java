package org.guichet.schedule.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.platform.GuichetException;
import org.guichet.schedule.ScheduleError;
import org.guichet.schedule.ScheduleManagement;
import org.guichet.schedule.WeeklySlot;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * HR's schedule page (it was API only): an agent's regular weekly pattern, two slots a day at most, and the import
 * of rotating shifts from a CSV file, all or nothing, with each refused line and why.
 */
@Controller
class HrScheduleController {

    /** Slots a day the form offers (a morning and an afternoon). */
    static final int SLOTS = 2;

    private final ScheduleManagement schedules;
    private final DirectoryManagement directory;

    HrScheduleController(ScheduleManagement schedules, DirectoryManagement directory) {
        this.schedules = schedules;
        this.directory = directory;
    }

    @GetMapping("/hr/schedule")
    String showSchedule(
            @RequestParam(required = false) @Nullable String agent, HttpServletResponse response, Model model) {
        model.addAttribute("agentQuery", agent);
        if (agent != null && !agent.isBlank()) {
            var found = directory.findByIdentifier(agent).orElse(null);
            if (found == null) {
                response.setStatus(HttpStatus.NOT_FOUND.value());
                model.addAttribute("agentError", "schedule.error.AGENT_NOT_FOUND");
            } else {
                var values = new LinkedHashMap<String, String>();
                var perDay = new LinkedHashMap<DayOfWeek, Integer>();
                for (var slot : schedules.pattern(found.id())) {
                    var index = perDay.merge(slot.weekday(), 1, Integer::sum) - 1;
                    if (index < SLOTS) {
                        values.put(
                                field(slot.weekday(), index, "start"),
                                slot.start().toString());
                        values.put(
                                field(slot.weekday(), index, "end"), slot.end().toString());
                    }
                }
                show(model, found, values);
            }
        }
        return "schedule/hr-schedule";
    }

    @PostMapping("/hr/schedule/pattern")
    String processPattern(
            @RequestParam(required = false) @Nullable String agent,
            @RequestParam Map<String, String> form,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("agentQuery", agent);
        var found = agent == null ? null : directory.findByIdentifier(agent).orElse(null);
        if (found == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("agentError", "schedule.error.AGENT_NOT_FOUND");
            return "schedule/hr-schedule";
        }
        var slots = new ArrayList<WeeklySlot>();
        var values = new LinkedHashMap<String, String>();
        try {
            for (var day : DayOfWeek.values()) {
                for (var index = 0; index < SLOTS; index++) {
                    var start =
                            form.getOrDefault(field(day, index, "start"), "").strip();
                    var end = form.getOrDefault(field(day, index, "end"), "").strip();
                    values.put(field(day, index, "start"), start);
                    values.put(field(day, index, "end"), end);
                    if (start.isEmpty() && end.isEmpty()) {
                        continue;
                    }
                    slots.add(new WeeklySlot(day, time(start), time(end)));
                }
            }
            schedules.changePattern(found.id(), slots);
        } catch (GuichetException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("refusal", "schedule.error.PATTERN_INVALID");
            show(model, found, values);
            return "schedule/hr-schedule";
        }
        redirect.addFlashAttribute("saved", found.displayName());
        redirect.addAttribute("agent", found.id().soi());
        return "redirect:/hr/schedule";
    }

    @PostMapping("/hr/schedule/shifts")
    String processShifts(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            Principal principal,
            HttpServletResponse response,
            Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("importError", "schedule.error.EMPTY_FILE");
            return "schedule/hr-schedule";
        }
        try (var in = file.getInputStream()) {
            var report = schedules.importShifts(
                    file.getOriginalFilename() == null ? "" : file.getOriginalFilename(),
                    in,
                    AgentId.of(principal.getName()));
            if (!report.rejected().isEmpty()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            }
            model.addAttribute("report", report);
        } catch (GuichetException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("importError", e.errorCode().messageKey());
        }
        return "schedule/hr-schedule";
    }

    private static void show(Model model, AgentProfile agent, Map<String, String> values) {
        model.addAttribute("agentProfile", agent);
        model.addAttribute("values", values);
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("slots", List.of(0, 1));
    }

    static String field(DayOfWeek day, int index, String edge) {
        return day.name() + "-" + index + "-" + edge;
    }

    /** A time as a time input sends it ({@code HH:MM}); anything else makes the pattern invalid. */
    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new GuichetException(ScheduleError.PATTERN_INVALID);
        }
    }
}
