package org.guichet.messaging;

import java.util.ArrayList;
import java.util.List;
import org.guichet.directory.AgentId;
import org.guichet.payslip.PayslipId;
import org.guichet.payslip.PayslipManagement;
import org.guichet.platform.GuichetException;
import org.guichet.request.RequestDocuments;
import org.guichet.request.RequestId;
import org.guichet.request.RequestManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Service;

/**
 * The portal's own documents an agent may attach to a message, by reference: payslips ({@code payslip:<id>}) and the
 * certificates completed requests produced ({@code certificate:<request>:<document>}). The charter keeps them inside
 * the administration: each part that carries one is marked ({@value #HEADER}), so that a forward or a draft carries the
 * mark along.
 */
@Service
public class GuichetDocuments {

    /** The header of a message's part that carries a Guichet document: its reference. */
    public static final String HEADER = "X-Guichet-Document";

    /** How many of the agent's latest payslips are offered (a list that stays short on a phone). */
    private static final int PAYSLIPS_OFFERED = 6;

    private final PayslipManagement payslips;
    private final RequestManagement requests;
    private final RequestDocuments requestDocuments;

    GuichetDocuments(PayslipManagement payslips, RequestManagement requests, RequestDocuments requestDocuments) {
        this.payslips = payslips;
        this.requests = requests;
        this.requestDocuments = requestDocuments;
    }

    /**
     * A document the agent may attach: its reference, and what it is (a payslip's month, a certificate's title).
     *
     * @param month a payslip's month; null for a certificate
     */
    public record Offered(String reference, String kind, String title, java.time.@Nullable YearMonth month) {}

    /** The agent's documents to attach: the latest payslips, then the certificates, newest first. */
    public List<Offered> offered(AgentId agent) {
        var offered = new ArrayList<Offered>();
        payslips.payslips(agent).stream()
                .limit(PAYSLIPS_OFFERED)
                .forEach(payslip -> offered.add(new Offered(
                        "payslip:" + payslip.id(), "payslip", payslip.period().toString(), payslip.period())));
        for (var request : requests.requests(agent)) {
            for (var document : request.documents()) {
                offered.add(new Offered(
                        "certificate:" + request.id() + ":" + document.id(), "certificate", document.title(), null));
            }
        }
        return offered;
    }

    /** The document a reference names, the agent's own; refused as not found for any other reference. */
    OutgoingMail.File attached(AgentId agent, String reference) {
        var parts = reference.split(":", -1);
        try {
            if (parts.length == 2 && "payslip".equals(parts[0])) {
                var id = PayslipId.parse(parts[1]).orElseThrow(GuichetDocuments::notFound);
                var document = payslips.download(agent, id);
                return file(document.payslip().fileName(), document.content());
            }
            if (parts.length == 3 && "certificate".equals(parts[0])) {
                var id = RequestId.parse(parts[1]).orElseThrow(GuichetDocuments::notFound);
                var document = requestDocuments.document(agent, id, parts[2]);
                return file(document.reference() + ".pdf", document.content());
            }
        } catch (GuichetException someoneElses) {
            // another agent's payslip, a request one may not read: not found, as for a reference never given
            throw notFound();
        }
        throw notFound();
    }

    private static OutgoingMail.File file(String name, byte[] content) {
        return new OutgoingMail.File(name, "application/pdf", content.length, new ByteArrayResource(content));
    }

    private static GuichetException notFound() {
        return new GuichetException(MessagingError.DOCUMENT_NOT_FOUND);
    }
}
