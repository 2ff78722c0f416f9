package org.guichet.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;

/**
 * A manager (Lucas) and one agent reporting to them (Camille), in a department of their own, imported through the
 * directory only: for module tests, which have no identity module to give them passwords ({@link Agents} does).
 */
public record SmallTeam(AgentId manager, AgentId agent, TestData.Block block) {

    public static SmallTeam create(DirectoryManagement directory) {
        var block = TestData.block();
        var department = block.department("");
        directory.importDepartments(csv("code;name\n%s;Essai\n".formatted(department)));
        directory.importAgents(
                csv("soi;first_name;last_name;department;manager_soi\n%s;Lucas;%s;%s;\n%s;Camille;%s;%s;%s\n"
                        .formatted(
                                block.soi(1),
                                block.name(),
                                department,
                                block.soi(2),
                                block.name(),
                                department,
                                block.soi(1))));
        return new SmallTeam(AgentId.of(block.soi(1)), AgentId.of(block.soi(2)), block);
    }

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
