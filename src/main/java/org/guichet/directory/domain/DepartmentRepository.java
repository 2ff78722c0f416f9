package org.guichet.directory.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The departments of the administration, a tree through their parent. */
@Repository
public class DepartmentRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    DepartmentRepository(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    public Map<String, DepartmentRecord> loadAll() {
        var departments = new HashMap<String, DepartmentRecord>();
        jdbc.sql("SELECT code, name, parent_code FROM department").query(rs -> {
            departments.put(rs.getString(1), new DepartmentRecord(rs.getString(1), rs.getString(2), rs.getString(3)));
        });
        return departments;
    }

    public void insert(List<DepartmentRecord> departments) {
        var now = Timestamp.from(clock.instant());
        batch.batchUpdate(
                "INSERT INTO department (code, name, parent_code, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                departments,
                departments.size(),
                (ps, d) -> {
                    ps.setString(1, d.code());
                    ps.setString(2, d.name());
                    ps.setString(3, d.parentCode());
                    ps.setTimestamp(4, now);
                    ps.setTimestamp(5, now);
                });
    }

    public void update(List<DepartmentRecord> departments) {
        var now = Timestamp.from(clock.instant());
        batch.batchUpdate(
                "UPDATE department SET name = ?, parent_code = ?, updated_at = ? WHERE code = ?",
                departments,
                departments.size(),
                (ps, d) -> {
                    ps.setString(1, d.name());
                    ps.setString(2, d.parentCode());
                    ps.setTimestamp(3, now);
                    ps.setString(4, d.code());
                });
    }
}
