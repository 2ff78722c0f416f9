package org.guichet.platform;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A file an agent downloads (a payslip, a certificate, an attachment): its type, its name, shown in the browser or
 * saved, and never kept in a cache, so that a shared computer does not hand it to the next person.
 */
public final class Downloads {

    private Downloads() {}

    /** The response's start: add headers if needed, then the body. */
    public static ResponseEntity.BodyBuilder file(MediaType type, String fileName, boolean inline) {
        var disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(fileName, StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .cacheControl(CacheControl.noStore());
    }
}
