package org.guichet.audit.journal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.guichet.audit.NewEntry;
import org.guichet.platform.Journaled;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a journaled event by its components' names, as {@link Journaled} documents them. Typed identifiers (records
 * of one component, such as an agent's SOI or a request's id) are written as their value.
 */
@Component
class EventEntries {

    private static final String[] SUBJECT = {"agent", "requester"};
    private static final String[] ACTOR = {"by", "decidedBy", "issuedBy"};

    private final JsonMapper json;
    private final Clock clock;

    EventEntries(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    NewEntry of(Journaled event) {
        ObjectNode tree = json.valueToTree(event);
        for (var name : java.util.List.copyOf(tree.propertyNames())) {
            var value = tree.get(name);
            if (value.isObject() && value.size() == 1 && !name.equals("connection")) {
                tree.set(name, value.values().iterator().next());
            }
        }
        var subject = take(tree, SUBJECT);
        var actor = has(tree, ACTOR) ? take(tree, ACTOR) : subject;
        String address = null;
        String channel = null;
        var connection = tree.remove("connection");
        if (connection != null && connection.isObject()) {
            address = text(connection.get("address"));
            channel = text(connection.get("channel"));
        }
        var at = text(tree.remove("at"));
        @SuppressWarnings("unchecked")
        Map<String, Object> details = json.treeToValue(tree, LinkedHashMap.class);
        return new NewEntry(
                at != null ? Instant.parse(at) : clock.instant(),
                Journaled.typeOf(event.getClass()),
                actor,
                subject,
                address,
                channel,
                details,
                event.inMyActivity());
    }

    private static boolean has(ObjectNode tree, String... names) {
        for (var name : names) {
            if (tree.has(name)) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable String take(ObjectNode tree, String... names) {
        for (var name : names) {
            if (tree.has(name)) {
                return text(tree.remove(name));
            }
        }
        return null;
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
