package org.guichet.payslip.web;

import java.nio.charset.StandardCharsets;
import org.guichet.payslip.PayslipDocument;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A payslip's PDF as a response: shown in the browser or saved under a clear name, never kept in a cache (a shared
 * computer must not hand it to the next person).
 */
final class PdfResponses {

    /** The portal's policy forbids plugins; a PDF shown in the browser needs its viewer, and nothing else. */
    static final String PDF_POLICY =
            "default-src 'none'; object-src 'self'; plugin-types application/pdf; " + "frame-ancestors 'self'";

    private PdfResponses() {}

    static ResponseEntity<byte[]> of(PayslipDocument document, boolean download) {
        var name = document.payslip().fileName();
        var disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(name, StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .contentLength(document.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", PDF_POLICY)
                .body(document.content());
    }
}
