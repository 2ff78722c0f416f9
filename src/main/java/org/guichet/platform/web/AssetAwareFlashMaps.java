package org.guichet.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Spring MVC's flash attributes (kept in the session across a redirect), not looked for when a style sheet, a script or
 * an image is asked: Spring MVC reads the session for them at every request it serves, and a file is never the page
 * a redirect leads to. That read cost a database round trip per file, and failed the files while the database was
 * away (the page that says so then came without its style).
 */
class AssetAwareFlashMaps extends SessionFlashMapManager {

    @Override
    protected @Nullable List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
        return WebAccessRules.isAsset(request) ? null : super.retrieveFlashMaps(request);
    }
}
