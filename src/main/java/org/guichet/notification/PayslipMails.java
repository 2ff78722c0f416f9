package org.guichet.notification;

import java.time.format.DateTimeFormatter;
import org.guichet.payslip.PayslipPublished;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells each agent that their payslip is available (the mail holds no link: agents learn not to follow them). */
@Component
class PayslipMails {

    private final Mails mails;

    PayslipMails(Mails mails) {
        this.mails = mails;
    }

    @ApplicationModuleListener
    void on(PayslipPublished event) {
        mails.send(event.agent(), Mail.PAYSLIP_PUBLISHED, locale ->
                new Object[] {DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(event.period())});
    }
}
