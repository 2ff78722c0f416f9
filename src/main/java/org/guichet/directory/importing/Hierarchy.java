package org.guichet.directory.importing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.guichet.directory.ImportProblem;
import org.jspecify.annotations.Nullable;

/**
 * Trees that an import builds: departments under their parent, agents under their manager. Finds the rows that would
 * close a loop, and the order in which new rows must be written so that each one's parent exists before it.
 */
final class Hierarchy {

    private Hierarchy() {}

    /** The problems to report for a tree: parent unknown, parent refused, loop. */
    record Problems(ImportProblem unknownParent, ImportProblem parentRefused, ImportProblem cycle) {}

    /**
     * Refuses, until nothing changes, the candidates whose parent is neither a candidate nor stored (reporting
     * whether that parent was itself refused), and the candidates on a loop.
     *
     * @param candidates the rows still accepted, by key; refused ones are removed
     * @param parentOf a key's parent as it will be once written: the candidate's, else the stored one's
     * @param refusedRows rows already refused while reading, by key, with their line
     */
    static <K> void prune(
            Map<K, ?> candidates,
            Predicate<K> stored,
            Function<K, @Nullable K> parentOf,
            Map<K, Long> lines,
            Map<K, Long> refusedRows,
            Rejections rejections,
            Problems problems) {
        var refused = new HashMap<>(refusedRows);
        for (var changed = true; changed; ) {
            changed = false;
            for (var key : java.util.List.copyOf(candidates.keySet())) {
                var parent = parentOf.apply(key);
                if (parent != null && !candidates.containsKey(parent) && !stored.test(parent)) {
                    var line = lines.get(key);
                    if (refused.containsKey(parent)) {
                        rejections.add(line, key.toString(), problems.parentRefused(), parent, refused.get(parent));
                    } else {
                        rejections.add(line, key.toString(), problems.unknownParent(), parent);
                    }
                    refused.put(key, line);
                    candidates.remove(key);
                    changed = true;
                }
            }
            for (var key : onCycles(java.util.List.copyOf(candidates.keySet()), parentOf)) {
                if (candidates.remove(key) != null) {
                    rejections.add(lines.get(key), key.toString(), problems.cycle());
                    refused.put(key, lines.get(key));
                    changed = true;
                }
            }
        }
    }

    /** The keys that sit on a loop when following {@code parentOf} (which sees the file over what is stored). */
    static <K> Set<K> onCycles(Iterable<K> keys, Function<K, @Nullable K> parentOf) {
        var settled = new HashSet<K>();
        var cyclic = new HashSet<K>();
        for (var key : keys) {
            var path = new LinkedHashSet<K>();
            var current = key;
            while (current != null && !settled.contains(current) && !cyclic.contains(current)) {
                if (!path.add(current)) {
                    var onLoop = false;
                    for (var step : path) {
                        onLoop |= step.equals(current);
                        if (onLoop) {
                            cyclic.add(step);
                        }
                    }
                    break;
                }
                current = parentOf.apply(current);
            }
            if (current == null || settled.contains(current)) {
                settled.addAll(path);
            }
        }
        return cyclic;
    }

    /**
     * How many new rows stand above each one: rows of depth 0 have a parent already stored (or none); writing by
     * increasing depth always finds the parent in place. Requires {@link #onCycles} to be empty.
     */
    static <K> Map<K, Integer> depths(Iterable<K> keys, Predicate<K> isNew, Function<K, @Nullable K> parentOf) {
        var depths = new HashMap<K, Integer>();
        for (var key : keys) {
            depthOf(key, isNew, parentOf, depths);
        }
        return depths;
    }

    private static <K> int depthOf(
            K key, Predicate<K> isNew, Function<K, @Nullable K> parentOf, Map<K, Integer> depths) {
        var known = depths.get(key);
        if (known != null) {
            return known;
        }
        var parent = parentOf.apply(key);
        var depth = parent != null && isNew.test(parent) ? depthOf(parent, isNew, parentOf, depths) + 1 : 0;
        depths.put(key, depth);
        return depth;
    }
}
