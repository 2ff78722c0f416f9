package org.guichet.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.guichet.access.AccessExplanations;
import org.guichet.access.NomadicProfiles;
import org.guichet.access.NomadicState;
import org.guichet.directory.AgentId;
import org.guichet.identity.IdentityManagement;
import org.guichet.identity.SecondFactors;
import org.guichet.network.Channel;
import org.guichet.network.ClientConnections;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * What the connection check finds, each item in plain words with its fix when it is a problem: the channel and why,
 * cookies, the browser; once signed in, the password's expiry, the second factors, the mobile number and remote
 * access. The device clock is measured in the page, against the server time given here.
 */
@Component
class ConnectionCheck {

    /** The oldest versions we test and support (the ESR and extended releases of late 2023). */
    private static final List<Browser> SUPPORTED = List.of(
            new Browser("Edge", Pattern.compile("Edg(?:e|A|iOS)?/(\\d+)"), 120),
            new Browser("Firefox", Pattern.compile("(?:Firefox|FxiOS)/(\\d+)"), 115),
            new Browser("Chrome", Pattern.compile("(?:Chrome|CriOS)/(\\d+)"), 120),
            new Browser("Safari", Pattern.compile("Version/(\\d+)[.\\d]* .*Safari/"), 16));

    private record Browser(String name, Pattern version, int oldest) {}

    private final ClientConnections connections;
    private final AccessExplanations words;
    private final IdentityManagement identity;
    private final SecondFactors secondFactors;
    private final NomadicProfiles nomadic;
    private final MessageSource messages;
    private final Clock clock;

    ConnectionCheck(
            ClientConnections connections,
            AccessExplanations words,
            IdentityManagement identity,
            SecondFactors secondFactors,
            NomadicProfiles nomadic,
            MessageSource messages,
            Clock clock) {
        this.connections = connections;
        this.words = words;
        this.identity = identity;
        this.secondFactors = secondFactors;
        this.nomadic = nomadic;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * One finding.
     *
     * @param id a stable name ({@code channel}, {@code cookies}, {@code browser}, {@code password}…)
     * @param ok whether all is well
     * @param text what was found
     * @param fix what to do, when it is a problem
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ConnectionCheckItem")
    record Item(
            String id, boolean ok, String text, @Nullable String fix) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "ConnectionCheckReport")
    record Report(String address, Channel channel, long serverTime, List<Item> items) {}

    /**
     * Runs the check. The signed-in findings are given only to a session that has done its whole sign-in on this
     * channel (a password alone does not tell the mobile number or the factors).
     */
    Report run(HttpServletRequest request, @Nullable Authentication authentication, Locale locale) {
        var connection = connections.of(request);
        var items = new ArrayList<Item>();
        var channel = connection.channel();
        items.add(new Item(
                "channel",
                true,
                say("check.channel." + channel.name(), locale, connection.address()),
                channel == Channel.NOMADIC ? say("check.channel.NOMADIC.fix", locale) : null));
        var cookies = request.getCookies() != null && request.getCookies().length > 0;
        items.add(new Item(
                "cookies",
                cookies,
                say(cookies ? "check.cookies.ok" : "check.cookies.unknown", locale),
                cookies ? null : say("check.cookies.fix", locale)));
        items.add(browser(request.getHeader("User-Agent"), locale));
        if (authentication != null
                && !(authentication instanceof AnonymousAuthenticationToken)
                && AgentId.isSoi(authentication.getName())
                && secondFactors.pending(authentication, channel) == SecondFactors.Step.NONE) {
            signedIn(AgentId.of(authentication.getName()), channel, locale, items);
        }
        return new Report(connection.address(), channel, clock.millis(), items);
    }

    private Item browser(@Nullable String userAgent, Locale locale) {
        if (userAgent != null) {
            for (var browser : SUPPORTED) {
                var matcher = browser.version().matcher(userAgent);
                if (matcher.find()) {
                    var version = Integer.parseInt(matcher.group(1));
                    var ok = version >= browser.oldest();
                    return new Item(
                            "browser",
                            ok,
                            say(ok ? "check.browser.ok" : "check.browser.old", locale, browser.name(), version),
                            ok ? null : say("check.browser.fix", locale));
                }
            }
        }
        return new Item("browser", false, say("check.browser.unknown", locale), say("check.browser.fix", locale));
    }

    private void signedIn(AgentId agent, Channel channel, Locale locale, List<Item> items) {
        var password = identity.passwordStatus(agent);
        if (password.expiresAt() == null) {
            items.add(new Item("password", true, say("check.password.noExpiry", locale), null));
        } else {
            var days = Math.max(0, ChronoUnit.DAYS.between(clock.instant(), password.expiresAt()));
            items.add(new Item(
                    "password",
                    !password.warn(),
                    say("check.password.expires", locale, days),
                    password.warn() ? say("check.password.fix", locale) : null));
        }
        var factors = secondFactors.enrolled(agent);
        items.add(new Item(
                "factors",
                !factors.isEmpty(),
                factors.isEmpty()
                        ? say("check.factors.none", locale)
                        : say(
                                "check.factors.some",
                                locale,
                                String.join(
                                        ", ",
                                        factors.stream()
                                                .map(type -> say("mfa.method." + type.name(), locale))
                                                .toList())),
                factors.isEmpty() ? say("check.factors.fix", locale) : null));
        var mobile = identity.mobileOnFile(agent);
        items.add(mobile.map(number -> new Item(
                        "mobile",
                        number.verified(),
                        say(
                                number.verified() ? "check.mobile.verified" : "check.mobile.unverified",
                                locale,
                                number.masked()),
                        number.verified() ? null : say("check.mobile.fix", locale)))
                .orElseGet(() -> new Item(
                        "mobile", false, say("check.mobile.none", locale), say("check.mobile.noneFix", locale))));
        var state = nomadic.state(agent);
        var remoteOk = state == NomadicState.ACTIVE || channel != Channel.NOMADIC && !state.pending();
        items.add(new Item(
                "remote-access",
                state == NomadicState.ACTIVE || channel != Channel.NOMADIC,
                say("check.remote." + state.name(), locale),
                remoteOk ? null : say("check.remote.fix", locale)));
    }

    private String say(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** The channel's name, for the page's heading. */
    String channelName(Channel channel, Locale locale) {
        return words.channel(channel, locale);
    }
}
