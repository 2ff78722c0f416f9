package org.guichet.leave.web;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.leave.LeaveBalances;
import org.guichet.leave.LeaveCommand;
import org.guichet.leave.LeaveError;
import org.guichet.leave.LeaveManagement;
import org.guichet.leave.LeaveProfile;
import org.guichet.leave.LeaveType;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** HR's leave API (the hr-back-office service's rules): an agent's leave profile, and sick leave. */
@RestController
class HrLeaveApiController {

    private final LeaveManagement leave;
    private final LeaveBalances balances;
    private final DirectoryManagement directory;

    HrLeaveApiController(LeaveManagement leave, LeaveBalances balances, DirectoryManagement directory) {
        this.balances = balances;
        this.leave = leave;
        this.directory = directory;
    }

    record ProfileView(
            int workingTime,
            BigDecimal weeklyHours,
            Set<DayOfWeek> daysOff,
            @Nullable LocalDate arrival) {}

    record AbsenceCommand(
            @Nullable String type,
            @Nullable LocalDate start,
            @Nullable LocalDate end,
            @Nullable Boolean startHalfDay,
            @Nullable Boolean endHalfDay,
            @Nullable String comment) {}

    @GetMapping("/api/v1/hr/leave/profiles/{agent}")
    ProfileView profile(@PathVariable String agent) {
        var profile = balances.profile(agentId(agent));
        return new ProfileView(profile.workingTime(), profile.weeklyHours(), profile.daysOff(), profile.arrival());
    }

    @PutMapping("/api/v1/hr/leave/profiles/{agent}")
    ProfileView changeProfile(@PathVariable String agent, @RequestBody ProfileView command) {
        var profile = balances.changeProfile(
                agentId(agent),
                new LeaveProfile(
                        command.workingTime(),
                        command.weeklyHours() == null ? BigDecimal.ZERO : command.weeklyHours(),
                        command.daysOff() == null ? Set.of() : command.daysOff(),
                        command.arrival()));
        return new ProfileView(profile.workingTime(), profile.weeklyHours(), profile.daysOff(), profile.arrival());
    }

    @PostMapping("/api/v1/hr/leave/{agent}/absences")
    @ResponseStatus(HttpStatus.CREATED)
    Object recordAbsence(@PathVariable String agent, @RequestBody AbsenceCommand command, Principal principal) {
        var type = command.type() == null
                ? LeaveType.SICK
                : java.util.Arrays.stream(LeaveType.values())
                        .filter(candidate -> candidate.name().equalsIgnoreCase(command.type()))
                        .findFirst()
                        .orElseThrow(() -> new GuichetException(LeaveError.TYPE_NOT_REQUESTABLE));
        var absence = leave.recordAbsence(
                AgentId.of(principal.getName()),
                agentId(agent),
                new LeaveCommand(
                        type,
                        command.start(),
                        command.end(),
                        Boolean.TRUE.equals(command.startHalfDay()),
                        Boolean.TRUE.equals(command.endHalfDay()),
                        command.comment()));
        return java.util.Map.of(
                "id",
                absence.id().toString(),
                "days",
                absence.days(),
                "state",
                absence.state().name(),
                "type",
                absence.type().name());
    }

    private AgentId agentId(String identifier) {
        return directory
                .findByIdentifier(identifier)
                .map(profile -> profile.id())
                .orElseThrow(() -> new GuichetException(LeaveError.REQUEST_NOT_FOUND));
    }
}
