package org.guichet.identity;

import org.guichet.platform.Journaled;

/** A journaled event of something the helpdesk issued: done by whoever issued it ({@code issuedBy}, an SOI). */
public interface IssuedJournaled extends Journaled {

    String issuedBy();

    @Override
    default String actor() {
        return issuedBy();
    }
}
