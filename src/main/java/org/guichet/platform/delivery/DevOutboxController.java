package org.guichet.platform.delivery;

import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** Demo profile only: what Guichet would have sent, newest first, without signing in (codes are read here). */
@Controller
@Profile("demo")
class DevOutboxController {

    private static final int SHOWN = 200;

    private final DevOutbox outbox;

    DevOutboxController(DevOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/dev/outbox")
    String showOutbox(Model model) {
        model.addAttribute("messages", outbox.newest(SHOWN));
        return "platform/outbox";
    }

    @GetMapping(path = "/dev/outbox.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<DevOutbox.Entry> showOutboxAsJson() {
        return outbox.newest(SHOWN);
    }
}
