package org.guichet.directory.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticOrganisationTests {

    private static List<CSVRecord> records(String csv) throws IOException {
        var format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(';')
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        return format.parse(new StringReader(csv)).getRecords();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 16, 17, 30, 31, 32, 250, 999, 6_000, 60_000})
    void generateWhenSizeGivenThenExactlyThatManyAgents(int size) throws IOException {
        var organisation = SyntheticOrganisation.generate(size, 42);

        assertThat(organisation.agents()).isEqualTo(size);
        assertThat(records(organisation.agentsCsv())).hasSize(size);
    }

    @Test
    void generateWhenLargeThenEveryManagerHasFiveToFifteenReports() throws IOException {
        var agents = records(SyntheticOrganisation.generate(6_000, 7).agentsCsv());
        var reports = new HashMap<String, Integer>();
        agents.stream()
                .map(agent -> agent.get("manager_soi"))
                .filter(manager -> !manager.isEmpty())
                .forEach(manager -> reports.merge(manager, 1, Integer::sum));

        assertThat(reports.values()).allSatisfy(count -> assertThat(count).isBetween(5, 15));
        assertThat(agents.stream().filter(agent -> agent.get("manager_soi").isEmpty()))
                .hasSize(1);
    }

    @Test
    void generateWhenLargeThenDepartmentsFormOneTreeAndAgentsBelongToThem() throws IOException {
        var organisation = SyntheticOrganisation.generate(6_000, 7);
        var departments = new HashMap<String, String>();
        records(organisation.departmentsCsv()).forEach(d -> departments.put(d.get("code"), d.get("parent")));

        assertThat(departments.values().stream().filter(String::isEmpty)).hasSize(1);
        assertThat(departments.values().stream().filter(parent -> !parent.isEmpty()))
                .allSatisfy(parent -> assertThat(departments).containsKey(parent));
        assertThat(records(organisation.agentsCsv()))
                .allSatisfy(agent -> assertThat(departments).containsKey(agent.get("department")));
    }

    @Test
    void generateWhenLargeThenHomonymsFictitiousMobilesAndVariedStatuses() throws IOException {
        var agents = records(SyntheticOrganisation.generate(6_000, 7).agentsCsv());
        var names = new HashSet<String>();
        var homonyms = agents.stream()
                .filter(agent -> !names.add(agent.get("first_name") + " " + agent.get("last_name")))
                .count();
        Map<String, Long> statuses = new HashMap<>();
        agents.forEach(agent -> statuses.merge(agent.get("status"), 1L, Long::sum));

        assertThat(homonyms).isGreaterThan(10);
        assertThat(agents.stream().map(agent -> agent.get("mobile")).filter(mobile -> !mobile.isEmpty()))
                .isNotEmpty()
                .allSatisfy(mobile -> assertThat(mobile).startsWith("06 39 98 "));
        assertThat(statuses).containsKeys("ACTIVE", "SUSPENDED", "DEPARTED");
        assertThat(agents.stream().filter(agent -> agent.get("sensitive").equals("true")))
                .isNotEmpty();
    }

    @Test
    void generateWhenSameSeedThenSameOrganisation() {
        assertThat(SyntheticOrganisation.generate(500, 3)).isEqualTo(SyntheticOrganisation.generate(500, 3));
        assertThat(SyntheticOrganisation.generate(500, 3).agentsCsv())
                .isNotEqualTo(SyntheticOrganisation.generate(500, 4).agentsCsv());
    }
}
