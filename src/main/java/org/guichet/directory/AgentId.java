package org.guichet.directory;

import java.io.Serializable;
import java.util.regex.Pattern;
import org.springframework.util.Assert;

/**
 * An agent's identity: the SOI, the 7-digit identifier the administration gives each agent for life.
 *
 * @param soi exactly 7 digits
 */
public record AgentId(String soi) implements Serializable {

    private static final Pattern SOI = Pattern.compile("\\d{7}");

    public AgentId {
        Assert.isTrue(isSoi(soi), "An SOI has exactly 7 digits");
    }

    public static AgentId of(String soi) {
        return new AgentId(soi);
    }

    public static boolean isSoi(String candidate) {
        return candidate != null && SOI.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return soi;
    }
}
