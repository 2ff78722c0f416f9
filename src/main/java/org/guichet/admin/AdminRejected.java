package org.guichet.admin;

import java.util.List;
import org.guichet.platform.LiveSettingRejected;

/** A change the administration refused, with every problem next to the field it concerns. */
public class AdminRejected extends LiveSettingRejected {

    public AdminRejected(List<Problem> problems) {
        super(problems);
    }
}
