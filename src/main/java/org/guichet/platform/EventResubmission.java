package org.guichet.platform;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands again to their listener the events whose listener failed, or whose node stopped before it finished: Spring
 * Modulith marks those publications failed (a listener threw, or the publication stayed unfinished longer than {@code
 * spring.modulith.events.staleness.*}), and every {@code guichet.events.resubmit-every} one node, whichever takes the
 * turn, resubmits them. This replaces resubmission at start-up, which with several nodes would make each starting node
 * replay what the others are still processing.
 */
@Component
class EventResubmission {

    static final String JOB = "event-resubmission";
    private static final Logger LOG = LoggerFactory.getLogger(EventResubmission.class);

    private final FailedEventPublications failed;

    EventResubmission(FailedEventPublications failed) {
        this.failed = failed;
    }

    @Scheduled(
            fixedDelayString = "${guichet.events.resubmit-every:PT1M}",
            initialDelayString = "${guichet.events.resubmit-every:PT1M}")
    @SchedulerLock(name = JOB)
    void resubmitFailed() {
        try {
            failed.resubmit(ResubmissionOptions.defaults().withBatchSize(100).withMaxInFlight(100));
        } catch (RuntimeException e) {
            LOG.warn("Failed events could not be resubmitted this time: {}", e.toString());
        }
    }
}
