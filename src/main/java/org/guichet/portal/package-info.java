/**
 * Portal: the agent's home page and the public pages every visitor may read (legal notice, accessibility
 * statement, help).
 */
@ApplicationModule(
        displayName = "Portal",
        allowedDependencies = {"directory", "identity"})
@NullMarked
package org.guichet.portal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
