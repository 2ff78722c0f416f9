package org.guichet.request;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.payslip.Payslip;
import org.guichet.payslip.PayslipManagement;
import org.guichet.request.documents.Certificates;
import org.guichet.request.domain.DocumentRepository;
import org.guichet.request.domain.Request;
import org.springframework.stereotype.Component;

/** Produces the document a completed request's type gives: an employment or a salary certificate, signed. */
@Component
class DocumentIssuer {

    private final Certificates certificates;
    private final DocumentRepository documents;
    private final DirectoryManagement directory;
    private final PayslipManagement payslips;

    DocumentIssuer(
            Certificates certificates,
            DocumentRepository documents,
            DirectoryManagement directory,
            PayslipManagement payslips) {
        this.certificates = certificates;
        this.documents = documents;
        this.directory = directory;
        this.payslips = payslips;
    }

    void issue(Request request, RequestSettings.TypeDefinition type, Map<String, String> fields, Instant now) {
        var agent = directory.findById(request.agent()).orElseThrow();
        var certificate = type.output() == RequestSettings.Produces.EMPLOYMENT_CERTIFICATE
                ? certificates.employment(agent, now)
                : salaryCertificate(agent, fields, now);
        documents.insert(
                new DocumentRepository.DocumentRow(
                        UUID.randomUUID(),
                        request.id(),
                        request.agent(),
                        certificate.kind(),
                        certificate.reference(),
                        certificate.title(),
                        certificate.summary(),
                        now),
                certificate.content());
    }

    /** The salary certificate of the months the fields {@code from} and {@code to} give (both days included). */
    private Certificates.Certificate salaryCertificate(AgentProfile agent, Map<String, String> fields, Instant now) {
        var first = YearMonth.from(LocalDate.parse(fields.get("from")));
        var last = YearMonth.from(LocalDate.parse(fields.get("to")));
        var payslipsOfPeriod = payslips.payslips(agent.id()).stream()
                .filter(payslip ->
                        !payslip.period().isBefore(first) && !payslip.period().isAfter(last))
                .sorted(Comparator.comparing(Payslip::period))
                .toList();
        return certificates.salary(agent, payslipsOfPeriod, first, last, now);
    }
}
