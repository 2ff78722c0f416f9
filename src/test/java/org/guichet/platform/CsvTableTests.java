package org.guichet.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvTableTests {

    private static final List<String> COLUMNS = List.of("code", "name", "parent");
    private static final Set<String> REQUIRED = Set.of("code", "name");

    private static CsvTable read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static CsvTable read(byte[] bytes) {
        return CsvTable.read(new ByteArrayInputStream(bytes), COLUMNS, REQUIRED);
    }

    @Test
    void readWhenSemicolonsThenValuesTrimmedAndEmptyIsAbsent() {
        var table = read("code;name;parent\nDG ; Direction générale ;\n");
        var row = table.rows().getFirst();
        assertThat(row.get("code")).isEqualTo("DG");
        assertThat(row.get("name")).isEqualTo("Direction générale");
        assertThat(row.get("parent")).isNull();
        assertThat(row.complete()).isTrue();
    }

    @Test
    void readWhenCommasAndQuotesThenSeparatorDetected() {
        var table = read("code,name\nDG,\"Direction générale, services\"\n");
        assertThat(table.rows().getFirst().get("name")).isEqualTo("Direction générale, services");
        assertThat(table.has("parent")).isFalse();
    }

    @Test
    void readWhenHeaderInOtherCaseWithByteOrderMarkThenColumnsRecognised() {
        var table = read("\uFEFFCode;NAME\r\nDG;Direction\r\n");
        assertThat(table.rows().getFirst().get("code")).isEqualTo("DG");
    }

    @Test
    void readWhenBlankLinesAndMultiLineValuesThenEachRowKeepsItsLine() {
        var table = read("code;name\nA;First\n\nB;\"Second\non two lines\"\nC;Third\n");
        assertThat(table.rows()).extracting(CsvTable.Row::line).containsExactly(2L, 4L, 6L);
    }

    @Test
    void readWhenRowHasTooFewOrTooManyValuesThenIncomplete() {
        var table = read("code;name\nA\nB;Second;extra\nC;Third\n");
        assertThat(table.rows()).extracting(CsvTable.Row::complete).containsExactly(false, false, true);
    }

    @Test
    void readWhenLatin1ThenRefusedWithLineOfFirstBadByte() {
        var latin1 = "code;name\nA;Ok\nB;Direction générale\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> read(latin1)).isInstanceOfSatisfying(GuichetException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(CsvError.NOT_UTF8);
            assertThat(e.getDetailMessageArguments()).containsExactly(3);
        });
    }

    @Test
    void readWhenRequiredColumnMissingThenRefused() {
        assertThatThrownBy(() -> read("code;parent\nA;B\n"))
                .isInstanceOfSatisfying(
                        GuichetException.class, e -> assertThat(e.errorCode()).isEqualTo(CsvError.MISSING_COLUMNS));
    }

    @Test
    void readWhenUnknownOrRepeatedColumnThenRefused() {
        assertThatThrownBy(() -> read("code;name;colour\nA;B;red\n"))
                .isInstanceOfSatisfying(
                        GuichetException.class, e -> assertThat(e.errorCode()).isEqualTo(CsvError.UNKNOWN_COLUMNS));
        assertThatThrownBy(() -> read("code;name;name\nA;B;C\n"))
                .isInstanceOfSatisfying(
                        GuichetException.class, e -> assertThat(e.errorCode()).isEqualTo(CsvError.UNKNOWN_COLUMNS));
    }

    @Test
    void readWhenEmptyThenRefused() {
        assertThatThrownBy(() -> read(""))
                .isInstanceOfSatisfying(
                        GuichetException.class, e -> assertThat(e.errorCode()).isEqualTo(CsvError.EMPTY_FILE));
    }
}
