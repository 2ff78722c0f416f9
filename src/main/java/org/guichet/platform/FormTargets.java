package org.guichet.platform;

import java.util.Set;

/**
 * Where a form of Guichet's may lead besides Guichet, as its Content-Security-Policy's {@code form-action} lists
 * them: browsers apply that list to every redirect a form's answer starts, so that the sign-in form that ends by
 * sending the agent back to an application (single sign-on) must name the application. A module that sends people
 * elsewhere after a form declares one as a bean; each source is a CSP source ({@code https://sig.ville.example}).
 */
public interface FormTargets {

    Set<String> sources();
}
