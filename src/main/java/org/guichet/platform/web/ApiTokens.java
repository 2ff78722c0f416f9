package org.guichet.platform.web;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * How the JSON API ({@code /api/v1/**}) accepts, besides the browser's session, an access token of Guichet's own: the
 * module that issues the tokens declares it as a bean, and the security chain applies it. Every rule of the chain
 * (sign-in, second factor by channel, roles, each service's access policy) then decides a call made with a token as it
 * decides one made with a session.
 */
@NamedInterface("web-access")
public interface ApiTokens {

    /** Adds the token's authentication to Guichet's security chain. */
    void apply(HttpSecurity http) throws Exception;
}
