package org.guichet.approval;

import java.util.regex.Pattern;
import org.springframework.util.Assert;

/**
 * What an approval is about, named by the module that asks for it ({@code leave}, {@code nomadic-profile}): that
 * module's {@link ApprovalHandler} moves its subject on when a manager decides, and the pages name the kind with the
 * message {@code approval.kind.<name>}. The name is stored with every item: renaming a kind orphans the items that
 * wait, which start-up refuses ({@link ApprovalHandlers}).
 */
public record ApprovalKind(String name) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z-]{0,39}");

    public ApprovalKind {
        Assert.isTrue(
                name != null && NAME.matcher(name).matches(),
                "an approval kind is 1 to 40 lower-case letters or dashes");
    }

    @Override
    public String toString() {
        return name;
    }
}
