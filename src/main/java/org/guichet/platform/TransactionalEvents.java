package org.guichet.platform;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes an event in a transaction of its own, for code that runs outside one (filters, Spring Security
 * handlers): module listeners ({@code @ApplicationModuleListener}) receive events only once a transaction commits.
 */
@Service
public class TransactionalEvents {

    private final ApplicationEventPublisher events;

    TransactionalEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Transactional
    public void publish(Object event) {
        events.publishEvent(event);
    }
}
