package org.guichet.payslip.web;

import org.guichet.payslip.PayslipDocument;
import org.guichet.platform.Downloads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A payslip's PDF as a response: shown in the browser or saved under a clear name, never kept in a cache. */
final class PdfResponses {

    /** The portal's policy forbids plugins; a PDF shown in the browser needs its viewer, and nothing else. */
    static final String PDF_POLICY =
            "default-src 'none'; object-src 'self'; plugin-types application/pdf; " + "frame-ancestors 'self'";

    private PdfResponses() {}

    static ResponseEntity<byte[]> of(PayslipDocument document, boolean download) {
        return Downloads.file(MediaType.APPLICATION_PDF, document.payslip().fileName(), !download)
                .contentLength(document.content().length)
                .header("Content-Security-Policy", PDF_POLICY)
                .body(document.content());
    }
}
