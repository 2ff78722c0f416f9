package org.guichet.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Pages anyone may read, signed in or not, linked from every page's footer. Their text lives in the messages
 * ({@code <page>.title}, {@code <page>.body} with paragraphs separated by {@code |}), in French and English.
 */
@Controller
class PublicPagesController {

    @GetMapping("/legal")
    String showLegalNotice(Model model) {
        return page("legal", model);
    }

    @GetMapping("/accessibility")
    String showAccessibilityStatement(Model model) {
        return page("accessibility", model);
    }

    @GetMapping("/help")
    String showHelp(Model model) {
        return page("help", model);
    }

    private static String page(String name, Model model) {
        model.addAttribute("page", name);
        return "portal/page";
    }
}
