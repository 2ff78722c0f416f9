package org.guichet.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The HR back office's entry (the hr-back-office service's rules): its pages. */
@Controller
class HrHomeController {

    @GetMapping("/hr")
    String showHrHome() {
        return "portal/hr";
    }
}
