package org.guichet.payslip.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.payslip.PayslipError;
import org.guichet.payslip.PayslipId;
import org.guichet.payslip.PayslipManagement;
import org.guichet.platform.GuichetException;
import org.guichet.platform.PlatformError;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The HR back office's payslip API: publish a batch, list an agent's payslips, open one with a reason. */
@RestController
class HrPayslipApiController {

    private final PayslipManagement payslips;
    private final DirectoryManagement directory;
    private final MessageSource messages;

    HrPayslipApiController(PayslipManagement payslips, DirectoryManagement directory, MessageSource messages) {
        this.payslips = payslips;
        this.directory = directory;
        this.messages = messages;
    }

    /** 201 with the report when the batch is published; 422 with the same report (and nothing published) otherwise. */
    @PostMapping("/api/v1/hr/payslip-batches")
    ResponseEntity<BatchReportView> publish(
            @RequestPart("file") MultipartFile file, Principal principal, Locale locale) {
        var name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        var report = payslips.publish(name, file, AgentId.of(principal.getName()));
        return ResponseEntity.status(report.published() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_CONTENT)
                .body(BatchReportView.of(report, messages, locale));
    }

    @GetMapping("/api/v1/hr/payslips")
    List<PayslipApiController.PayslipView> list(@RequestParam String agent) {
        var profile =
                directory.findByIdentifier(agent).orElseThrow(() -> new GuichetException(PlatformError.NOT_FOUND));
        return payslips.payslipsForHr(profile.id()).stream()
                .map(PayslipApiController.PayslipView::of)
                .toList();
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "PayslipOpenCommand")
    record OpenCommand(@Nullable String reason) {}

    @PostMapping("/api/v1/hr/payslips/{id}/pdf")
    ResponseEntity<byte[]> open(@PathVariable String id, @RequestBody OpenCommand command, Principal principal) {
        var payslip = PayslipId.parse(id).orElseThrow(() -> new GuichetException(PayslipError.PAYSLIP_NOT_FOUND));
        return PdfResponses.of(payslips.openForHr(AgentId.of(principal.getName()), payslip, command.reason()), true);
    }
}
