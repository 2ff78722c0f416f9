package org.guichet.schedule.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.platform.GuichetException;
import org.guichet.schedule.ScheduleError;
import org.guichet.schedule.ScheduleManagement;
import org.guichet.schedule.WeeklySlot;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** HR's schedule API (the hr-back-office service's rules): an agent's weekly pattern; shifts imported by CSV. */
@RestController
class HrScheduleApiController {

    private final ScheduleManagement schedules;
    private final DirectoryManagement directory;
    private final MessageSource messages;

    HrScheduleApiController(ScheduleManagement schedules, DirectoryManagement directory, MessageSource messages) {
        this.schedules = schedules;
        this.directory = directory;
        this.messages = messages;
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "ShiftImportProblem")
    record Problem(long line, @Nullable String soi, String problem, String message) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "ShiftImportReport")
    record Report(int rows, int imported, List<Problem> rejected) {}

    @PutMapping("/api/v1/hr/schedule/patterns/{agent}")
    List<WeeklySlot> changePattern(@PathVariable String agent, @RequestBody List<WeeklySlot> slots) {
        var id = directory
                .findByIdentifier(agent)
                .map(profile -> profile.id())
                .orElseThrow(() -> new GuichetException(ScheduleError.AGENT_NOT_FOUND));
        schedules.changePattern(id, slots);
        return slots;
    }

    /** 201 with the report when imported; 422 with the same report (nothing written) when a row is wrong. */
    @PostMapping("/api/v1/hr/schedule/shifts")
    ResponseEntity<Report> importShifts(@RequestPart("file") MultipartFile file, Principal principal, Locale locale) {
        try (var in = file.getInputStream()) {
            var report = schedules.importShifts(
                    file.getOriginalFilename() == null ? "" : file.getOriginalFilename(),
                    in,
                    AgentId.of(principal.getName()));
            var body = new Report(
                    report.rows(),
                    report.imported(),
                    report.rejected().stream()
                            .map(rejection -> new Problem(
                                    rejection.line(),
                                    rejection.soi(),
                                    rejection.problem(),
                                    messages.getMessage(
                                            rejection.messageKey(),
                                            rejection.arguments().toArray(),
                                            locale)))
                            .toList());
            return ResponseEntity.status(
                            report.rejected().isEmpty() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_CONTENT)
                    .body(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
