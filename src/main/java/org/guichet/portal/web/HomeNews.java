package org.guichet.portal.web;

import java.time.Clock;
import java.util.List;
import org.guichet.approval.ApprovalManagement;
import org.guichet.directory.AgentId;
import org.guichet.leave.Balance;
import org.guichet.leave.LeaveBalances;
import org.guichet.leave.LeaveManagement;
import org.guichet.leave.LeaveState;
import org.guichet.leave.LeaveType;
import org.guichet.payslip.Payslip;
import org.guichet.payslip.PayslipManagement;
import org.guichet.platform.DisplayZone;
import org.guichet.schedule.ScheduleDay;
import org.guichet.schedule.ScheduleManagement;
import org.guichet.session.ServiceAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * "What's new" on the home page: the latest payslip, leave balances, today's hours, what waits for a manager. Each
 * part only when its service is open to the agent from where they are: a closed tile shows no figure.
 */
@Component
class HomeNews {

    private final PayslipManagement payslips;
    private final LeaveManagement leave;
    private final LeaveBalances balances;
    private final ScheduleManagement schedules;
    private final ApprovalManagement approvals;
    private final Clock clock;

    HomeNews(
            PayslipManagement payslips,
            LeaveManagement leave,
            LeaveBalances balances,
            ScheduleManagement schedules,
            ApprovalManagement approvals,
            Clock clock) {
        this.payslips = payslips;
        this.leave = leave;
        this.balances = balances;
        this.schedules = schedules;
        this.approvals = approvals;
        this.clock = clock;
    }

    /**
     * @param payslip the latest payslip, when the payslips service is open
     * @param balances annual leave and RTT of the year with days left or used, when the leave service is open
     * @param pendingLeave requests of mine still waiting for my manager
     * @param today my hours today, when the schedule service is open
     * @param waiting approval items waiting for me (managers and their delegates)
     */
    record News(
            @Nullable Payslip payslip,
            List<Balance> balances,
            long pendingLeave,
            @Nullable ScheduleDay today,
            int waiting,
            boolean leaveOpen) {}

    News of(AgentId agent, List<ServiceAccess.View> services) {
        var payslip = open(services, "payslips") ? payslips.latest(agent).orElse(null) : null;
        var leaveOpen = open(services, "leave");
        var today = DisplayZone.today(clock);
        List<Balance> balances = leaveOpen
                ? this.balances.balances(agent, today.getYear()).stream()
                        .filter(balance -> balance.type() != LeaveType.CET
                                || balance.acquired().signum() > 0)
                        .filter(balance -> balance.acquired().signum() > 0
                                || balance.taken().signum() > 0)
                        .toList()
                : List.of();
        var pending = leaveOpen
                ? leave.requests(agent).stream()
                        .filter(request -> request.state() == LeaveState.PENDING)
                        .count()
                : 0;
        var day =
                open(services, "schedule") ? schedules.days(agent, today, today).getFirst() : null;
        return new News(
                payslip, balances, pending, day, approvals.waitingFor(agent).size(), leaveOpen);
    }

    private static boolean open(List<ServiceAccess.View> services, String id) {
        return services.stream().anyMatch(view -> view.service().id().equals(id) && view.allowed());
    }
}
