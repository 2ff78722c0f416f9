package org.guichet.bench;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.guichet.platform.CsvTable;

/**
 * An LDAP directory holding a generated organisation, for {@code bench/ldap-sync.sh}: UnboundID's in-memory server on
 * a loopback port, one {@code inetOrgPerson} a row of the generator's {@code agents.csv} ({@code uid=a<SOI>}, the
 * manager by DN), readable by {@code cn=guichet,dc=ville,dc=example} / {@code lecture-seule}. Prints {@code ready
 * <port>} and serves until killed.
 *
 * <p>Usage: {@code LdapDirectoryServer <agents.csv> <port>}
 */
public final class LdapDirectoryServer {

    static final String BASE = "dc=ville,dc=example";
    static final String PEOPLE = "ou=people," + BASE;

    private LdapDirectoryServer() {}

    public static void main(String[] args) throws Exception {
        var config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials("cn=guichet," + BASE, "lecture-seule");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig(
                "default", InetAddress.getLoopbackAddress(), Integer.parseInt(args[1]), null));
        config.setSchema(null);
        config.setMaxSizeLimit(0);
        var server = new InMemoryDirectoryServer(config);
        server.add(new Entry(BASE, new Attribute("objectClass", "domain"), new Attribute("dc", "ville")));
        server.add(new Entry(PEOPLE, new Attribute("objectClass", "organizationalUnit"), new Attribute("ou", "people")));
        var table = CsvTable.read(
                Files.newInputStream(Path.of(args[0])),
                java.util.List.of(
                        "soi", "first_name", "last_name", "department", "manager_soi", "job_title", "grade", "hired_on",
                        "mobile", "status", "roles", "sensitive", "login", "email"),
                java.util.Set.of());
        var count = 0;
        for (var row : table.rows()) {
            var soi = row.get("soi");
            var attributes = new ArrayList<Attribute>(java.util.List.of(
                    new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                    new Attribute("uid", "a" + soi),
                    new Attribute("cn", row.get("first_name") + " " + row.get("last_name")),
                    new Attribute("givenName", row.get("first_name")),
                    new Attribute("sn", row.get("last_name")),
                    new Attribute("employeeNumber", soi),
                    new Attribute("departmentNumber", row.get("department"))));
            if (row.get("manager_soi") != null) {
                attributes.add(new Attribute("manager", "uid=a" + row.get("manager_soi") + "," + PEOPLE));
            }
            if (row.get("job_title") != null) {
                attributes.add(new Attribute("title", row.get("job_title")));
            }
            if (row.get("mobile") != null) {
                attributes.add(new Attribute("mobile", row.get("mobile")));
            }
            if ("SUSPENDED".equals(row.get("status"))) {
                attributes.add(new Attribute("pwdAccountLockedTime", "20261201000000Z"));
            }
            if (!"DEPARTED".equals(row.get("status"))) {
                server.add(new Entry("uid=a" + soi + "," + PEOPLE, attributes));
                count++;
            }
        }
        server.startListening();
        System.out.println("ready " + server.getListenPort() + " " + count);
        Thread.currentThread().join();
    }
}
