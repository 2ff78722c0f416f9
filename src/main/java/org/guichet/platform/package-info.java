/**
 * Platform: what every module may use and nothing else depends on. Error codes and RFC 9457 problem details for the
 * JSON API, the command-line entry points, the clock, and the web shell (layout, language, error pages) under
 * {@code platform.web}.
 *
 * <p>This module depends on no other module and publishes no event.
 */
@ApplicationModule(
        displayName = "Platform",
        allowedDependencies = {})
@NullMarked
package org.guichet.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
