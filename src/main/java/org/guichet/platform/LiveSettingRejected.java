package org.guichet.platform;

import java.util.List;

/**
 * A new value of a live setting its owner refused: nothing was stored. Each problem names the setting's property (as
 * forms name their fields), the key of the sentence that explains it, and that sentence's arguments.
 */
public class LiveSettingRejected extends RuntimeException {

    /** One problem: the field, the message key, its arguments. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "SettingProblem")
    public record Problem(String field, String key, List<String> arguments) {}

    private final List<Problem> problems;

    public LiveSettingRejected(List<Problem> problems) {
        super("Refused: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Refuses the value when anything is wrong with it. */
    public static void refuseIf(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new LiveSettingRejected(problems);
        }
    }
}
