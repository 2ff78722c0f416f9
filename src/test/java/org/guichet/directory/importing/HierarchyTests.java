package org.guichet.directory.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HierarchyTests {

    @Test
    void onCyclesWhenLoopThenOnlyItsMembers() {
        // A -> B -> C -> A is a loop; D hangs below it; E -> F is a plain chain
        var parents = Map.of("A", "B", "B", "C", "C", "A", "D", "A", "E", "F");
        assertThat(Hierarchy.onCycles(List.of("D", "E", "A", "B", "C"), parents::get))
                .containsExactlyInAnyOrder("A", "B", "C");
    }

    @Test
    void onCyclesWhenSelfReferenceThenCycle() {
        assertThat(Hierarchy.onCycles(List.of("A"), key -> "A")).containsExactly("A");
    }

    @Test
    void depthsWhenParentIsNewThenBelowIt() {
        // S is stored; N1 under S, N2 under N1, N3 under N2; N4 has no parent
        var parents = Map.of("N1", "S", "N2", "N1", "N3", "N2");
        var depths = Hierarchy.depths(List.of("N3", "N1", "N2", "N4"), key -> key.startsWith("N"), parents::get);
        assertThat(depths).containsExactlyInAnyOrderEntriesOf(Map.of("N1", 0, "N2", 1, "N3", 2, "N4", 0));
    }
}
