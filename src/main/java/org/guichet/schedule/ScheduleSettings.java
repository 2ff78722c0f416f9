package org.guichet.schedule;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Schedule settings, bound to {@code guichet.schedule}.
 *
 * @param defaultHours the hours shown Monday to Friday to agents with neither a pattern nor shifts; none to show nothing
 * @param longestRange the most days one request of the API or one page covers
 */
@ConfigurationProperties("guichet.schedule")
@Validated
public record ScheduleSettings(
        List<Range> defaultHours,
        @DefaultValue("62") @Min(1) @Max(400) int longestRange) {

    public ScheduleSettings {
        defaultHours = defaultHours == null ? List.of() : List.copyOf(defaultHours);
    }

    public record Range(LocalTime start, LocalTime end) {}
}
