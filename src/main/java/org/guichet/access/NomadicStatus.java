package org.guichet.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.guichet.directory.AgentId;
import org.jspecify.annotations.Nullable;

/**
 * An agent's remote-access profile and its timeline.
 *
 * @param endDate the last day the agent asked for, if any
 * @param validUntil the last day the active profile works
 * @param approverName the manager it went to
 * @param timeline every step, oldest first
 */
public record NomadicStatus(
        AgentId agent,
        NomadicState state,
        @Nullable String reason,
        @Nullable LocalDate endDate,
        @Nullable LocalDate validUntil,
        @Nullable String approverName,
        @Nullable Instant requestedAt,
        List<Step> timeline) {

    public static NomadicStatus none(AgentId agent) {
        return new NomadicStatus(agent, NomadicState.NONE, null, null, null, null, null, List.of());
    }

    public boolean active() {
        return state == NomadicState.ACTIVE;
    }

    /**
     * One step of the timeline.
     *
     * @param step what happened ({@code REQUESTED}, {@code APPROVED}, {@code ACTIVATED}…)
     * @param actorName who did it; nobody for automatic steps
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "RemoteAccessStatusStep")
    public record Step(
            Instant at,
            String step,
            @Nullable String actorName,
            @Nullable String comment) {}
}
