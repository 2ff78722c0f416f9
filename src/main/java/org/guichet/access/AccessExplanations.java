package org.guichet.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.guichet.directory.AgentProfile;
import org.guichet.network.Channel;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts a decision into words, in the agent's language: the reason as a sentence that names the channel they are on
 * and the ones that would work, and the remedy's label. The same words serve the tiles, the refusal page and the
 * API.
 */
@Component
public class AccessExplanations {

    private final MessageSource messages;

    AccessExplanations(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * A decision in words.
     *
     * @param title a few words for a badge ("Not from this network")
     * @param message the whole sentence
     */
    public record Explanation(
            String code,
            String title,
            String message,
            @Nullable String remedyHref,
            @Nullable String remedyLabel) {

        /**
         * The members of an RFC 9457 problem that carry it: {@code reason} ({@code code}, {@code message}), {@code
         * remedy} ({@code href}, {@code label}), the {@code channel} and the helpdesk {@code reference} if any.
         */
        public Map<String, Object> problemMembers(Channel channel, @Nullable String reference) {
            var members = new LinkedHashMap<String, Object>();
            members.put("reason", Map.of("code", code, "message", message));
            if (remedyHref != null && remedyLabel != null) {
                members.put("remedy", Map.of("href", remedyHref, "label", remedyLabel));
            }
            members.put("channel", channel.name());
            if (reference != null) {
                members.put("reference", reference);
            }
            return members;
        }
    }

    public @Nullable Explanation explain(AccessDecision decision, AgentProfile agent, Locale locale) {
        var denial = decision.denial();
        if (denial == null) {
            return null;
        }
        var service = decision.service();
        var arguments = new Object[] {
            service.name(locale),
            channel(decision.channel(), locale),
            channels(decision.workingChannels(), locale),
            service.roles().stream()
                    .map(role -> messages.getMessage("access.role." + role.name(), null, role.name(), locale))
                    .sorted()
                    .reduce((a, b) -> a + ", " + b)
                    .orElse(""),
            agent.departmentName(),
            messages.getMessage("access.profileState." + decision.profile().name(), null, "", locale)
        };
        var key = "access.denial." + denial.name();
        if (decision.workingChannels().isEmpty()
                && (denial == AccessDenial.CHANNEL_NOT_ALLOWED || denial.name().startsWith("NOMADIC_"))) {
            key += ".nowhere";
        }
        var remedy = decision.remedy();
        return new Explanation(
                denial.name(),
                messages.getMessage(denial.messageKey(), null, locale),
                messages.getMessage(key, arguments, locale),
                remedy == null ? null : remedy.href(),
                remedy == null ? null : messages.getMessage(remedy.labelKey(), null, locale));
    }

    /**
     * Why an agent on the internet without an active remote-access profile reaches nothing but the remote-access page,
     * and what to do.
     */
    public Explanation explainRemoteAccess(NomadicState profile, Locale locale) {
        var denial = AccessPolicy.nomadicDenial(profile);
        var remedy = AccessPolicy.nomadicRemedy(profile);
        return new Explanation(
                denial.name(),
                messages.getMessage(denial.messageKey(), null, locale),
                messages.getMessage(
                        "access.gate." + denial.name(),
                        new Object[] {messages.getMessage("access.profileState." + profile.name(), null, "", locale)},
                        locale),
                remedy.href(),
                messages.getMessage(remedy.labelKey(), null, locale));
    }

    public String channel(Channel channel, Locale locale) {
        return messages.getMessage("access.channel." + channel.name(), null, locale);
    }

    /** The channels as words (the office network, the VPN or the internet), in the order of {@link Channel}. */
    public String channels(Collection<Channel> channels, Locale locale) {
        List<String> names = new ArrayList<>();
        Arrays.stream(Channel.values())
                .filter(channels::contains)
                .forEach(channel -> names.add(channel(channel, locale)));
        if (names.size() <= 1) {
            return names.isEmpty() ? "" : names.getFirst();
        }
        var or = messages.getMessage("access.channel.or", null, locale);
        return String.join(", ", names.subList(0, names.size() - 1)) + " " + or + " " + names.getLast();
    }
}
