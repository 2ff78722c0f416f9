package org.guichet.audit.journal;

import java.lang.reflect.Method;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.guichet.audit.NewEntry;
import org.guichet.platform.Journaled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a journaled event into an entry by its {@link Journaled} methods: what it is about, who did it, where from
 * and when. Its details are its other components, typed identifiers (records of one component, such as a request's
 * id) written as their value; a component that answers those methods through an interface (an agent's id, a
 * connection) is left out, being the entry's own columns already.
 */
@Component
class EventEntries {

    private final JsonMapper json;
    private final Clock clock;
    private final Map<Class<?>, Set<String>> answering = new ConcurrentHashMap<>();

    EventEntries(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    NewEntry of(Journaled event) {
        ObjectNode tree = json.valueToTree(event);
        answering.computeIfAbsent(event.getClass(), EventEntries::answering).forEach(tree::remove);
        // a typed identifier (a record of one value: AgentId, ApprovalId…) is written as its value; a map of one entry
        // (the one field an AgentChanged changed) keeps its key
        for (var name : java.util.List.copyOf(tree.propertyNames())) {
            var value = tree.get(name);
            if (value.isObject() && value.size() == 1 && singleValued(event, name)) {
                tree.set(name, value.values().iterator().next());
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> details = json.treeToValue(tree, LinkedHashMap.class);
        var origin = event.origin();
        return new NewEntry(
                event.at() != null ? event.at() : clock.instant(),
                Journaled.typeOf(event.getClass()),
                event.actor(),
                event.about(),
                origin == null ? null : origin.address(),
                origin == null ? null : origin.channel(),
                details,
                event.inMyActivity());
    }

    /** Whether the event's component of this name holds a record of one component (a typed value). */
    private static boolean singleValued(Journaled event, String name) {
        if (!event.getClass().isRecord()) {
            return true;
        }
        for (var component : event.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                var type = component.getType();
                return type.isRecord() && type.getRecordComponents().length == 1;
            }
        }
        return true;
    }

    /** The components of an event's class that answer a method of {@link Journaled} or of an interface extending it. */
    private static Set<String> answering(Class<?> type) {
        return interfaces(type)
                .filter(Journaled.class::isAssignableFrom)
                .flatMap(journaled -> Stream.of(journaled.getDeclaredMethods()))
                .filter(method ->
                        method.getParameterCount() == 0 && !java.lang.reflect.Modifier.isStatic(method.getModifiers()))
                .map(Method::getName)
                .collect(Collectors.toSet());
    }

    private static Stream<Class<?>> interfaces(Class<?> type) {
        return Stream.of(type.getInterfaces()).flatMap(each -> Stream.concat(Stream.of(each), interfaces(each)));
    }
}
