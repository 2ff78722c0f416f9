package org.guichet.directory.importing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.guichet.directory.ChangeSource;
import org.guichet.directory.ImportProblem;
import org.guichet.directory.ImportReport;
import org.guichet.directory.domain.DepartmentRecord;
import org.guichet.directory.domain.DepartmentRepository;
import org.guichet.platform.CsvTable;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Imports departments from CSV: {@code code;name;parent}. A code already stored is updated, a new one created; the
 * parent may be stored or further down the file; a row that would put a department under itself is refused.
 */
@Component
public class DepartmentImport extends TreeImport<DepartmentRecord> {

    static final List<String> COLUMNS = List.of("code", "name", "parent");
    static final Set<String> REQUIRED = Set.of("code", "name");

    private final DepartmentRepository departments;

    DepartmentImport(DepartmentRepository departments, ChunkedWriter writer) {
        super(
                writer,
                ImportReport.Kind.DEPARTMENTS,
                COLUMNS,
                REQUIRED,
                new Hierarchy.Problems(
                        ImportProblem.UNKNOWN_PARENT, ImportProblem.PARENT_REJECTED, ImportProblem.DEPARTMENT_CYCLE));
        this.departments = departments;
    }

    @Override
    Map<String, DepartmentRecord> loadStored(CsvTable table) {
        return departments.loadAll();
    }

    @Override
    RowReader<DepartmentRecord> reader(CsvTable table, Map<String, DepartmentRecord> stored, ChangeSource source) {
        return (row, accepted) -> {
            var fields = new Fields(row);
            var code = fields.code("code");
            if (code == null) {
                throw new RowRejected(ImportProblem.MISSING_VALUE, "code");
            }
            if (accepted.containsKey(code)) {
                throw new RowRejected(ImportProblem.DUPLICATE_IN_FILE, accepted.get(code));
            }
            var parent = table.has("parent")
                    ? fields.code("parent")
                    : stored.containsKey(code) ? stored.get(code).parentCode() : null;
            return new DepartmentRecord(code, fields.required("name", 200), parent);
        };
    }

    @Override
    String key(DepartmentRecord department) {
        return department.code();
    }

    @Override
    @Nullable
    String parent(DepartmentRecord department) {
        return department.parentCode();
    }

    @Override
    String rowKey(CsvTable.Row row) {
        return String.valueOf(row.get("code")).toUpperCase(Locale.ROOT);
    }

    @Override
    void write(List<DepartmentRecord> chunk, Map<String, DepartmentRecord> stored, ChangeSource source) {
        departments.insert(
                chunk.stream().filter(d -> !stored.containsKey(d.code())).toList());
        departments.update(
                chunk.stream().filter(d -> stored.containsKey(d.code())).toList());
    }
}
