package org.guichet.directory.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.guichet.directory.domain.DepartmentRecord;
import org.guichet.directory.domain.DepartmentRepository;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

@ApplicationModuleTest
@ActiveProfiles("test")
class ChunkedWriterTests {

    @Autowired
    ChunkedWriter writer;

    @Autowired
    DepartmentRepository departments;

    @Test
    void writeWhenDatabaseRefusesOneRowThenOnlyThatRowIsLost() {
        var prefix = TestData.block().department("-");
        var items = IntStream.range(0, 2_500)
                .mapToObj(i -> new DepartmentRecord(prefix + i, "Service " + i, i == 1_234 ? "NO-SUCH-PARENT" : null))
                .toList();
        var refused = new ArrayList<DepartmentRecord>();

        var written = writer.write(items, departments::insert, (item, e) -> refused.add(item));

        assertThat(written).hasSize(2_499);
        assertThat(refused).extracting(DepartmentRecord::code).containsExactly(prefix + 1_234);
        var stored = departments.loadAll();
        assertThat(stored).containsKeys(prefix + 0, prefix + 1_233, prefix + 1_235, prefix + 2_499);
        assertThat(stored).doesNotContainKey(prefix + 1_234);
    }

    @Test
    void writeWhenNothingToWriteThenNothingHappens() {
        assertThat(writer.write(List.<DepartmentRecord>of(), departments::insert, (item, e) -> {}))
                .isEmpty();
    }
}
