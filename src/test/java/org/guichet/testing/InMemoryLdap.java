package org.guichet.testing;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import java.net.InetAddress;

/**
 * UnboundID's in-memory LDAP server on a loopback port, as the tests' directory: {@value #BASE} with the agents under
 * {@value #PEOPLE}, a reading account {@value #READER_DN} ({@value #READER_PASSWORD}), no schema (so a filter must name
 * {@code inetOrgPerson}, not {@code person}), and an interceptor that sees every operation.
 */
public final class InMemoryLdap {

    public static final String BASE = "dc=ville,dc=example";
    public static final String PEOPLE = "ou=people," + BASE;
    public static final String READER_DN = "cn=guichet," + BASE;
    public static final String READER_PASSWORD = "lecture-seule";

    private InMemoryLdap() {}

    public static InMemoryDirectoryServer start(InMemoryOperationInterceptor interceptor) {
        try {
            var config = new InMemoryDirectoryServerConfig(BASE);
            config.addAdditionalBindCredentials(READER_DN, READER_PASSWORD);
            config.setListenerConfigs(
                    InMemoryListenerConfig.createLDAPConfig("default", InetAddress.getLoopbackAddress(), 0, null));
            config.setSchema(null);
            config.addInMemoryOperationInterceptor(interceptor);
            var server = new InMemoryDirectoryServer(config);
            server.add(new Entry(BASE, new Attribute("objectClass", "domain"), new Attribute("dc", "ville")));
            server.add(new Entry(
                    PEOPLE, new Attribute("objectClass", "organizationalUnit"), new Attribute("ou", "people")));
            server.startListening();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
