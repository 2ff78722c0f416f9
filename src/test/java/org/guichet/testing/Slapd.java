package org.guichet.testing;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real OpenLDAP server from Debian's packages ({@code slapd}), started by a test on a loopback port with a
 * configuration of its own: the suffix {@code dc=ville,dc=example}, a certificate for 127.0.0.1 made with
 * {@code openssl} (its PEM is {@link #certificate}), simple binds refused without TLS ({@code olcSecurity:
 * simple_bind=128}: StartTLS or nothing), the password policy overlay locking an entry after {@link #MAX_FAILURES}
 * wrong binds, hashing the passwords it is given and refusing the last three again, and a reading account {@link
 * #READER_DN} that may also write passwords. Stopped with the test.
 */
public final class Slapd implements AutoCloseable {

    public static final String SUFFIX = "dc=ville,dc=example";
    public static final String PEOPLE = "ou=people," + SUFFIX;
    public static final String READER_DN = "cn=guichet," + SUFFIX;
    public static final String READER_PASSWORD = "lecture-seule";
    public static final int MAX_FAILURES = 8;

    private static final Path BINARY = Path.of("/usr/sbin/slapd");
    private static final String ADMIN_DN = "cn=admin," + SUFFIX;
    private static final String ADMIN_PASSWORD = "administrateur";

    private final Process process;
    private final Path directory;
    public final int port;
    public final int ldapsPort;
    public final Path certificate;

    private Slapd(Process process, Path directory, int port, int ldapsPort) {
        this.process = process;
        this.directory = directory;
        this.port = port;
        this.ldapsPort = ldapsPort;
        this.certificate = directory.resolve("cert.pem");
    }

    public static Slapd start() throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("slapd is not installed (apt-get install slapd ldap-utils): .ci/run does");
        }
        var directory = Files.createTempDirectory("guichet-slapd");
        Files.createDirectories(directory.resolve("slapd.d"));
        Files.createDirectories(directory.resolve("data"));
        certificate(directory.resolve("cert.pem"), directory.resolve("key.pem"));
        Files.writeString(directory.resolve("config.ldif"), """
                dn: cn=config
                objectClass: olcGlobal
                cn: config
                olcPidFile: %1$s/slapd.pid
                olcTLSCertificateFile: %1$s/cert.pem
                olcTLSCertificateKeyFile: %1$s/key.pem
                olcSizeLimit: 1000

                dn: cn=module{0},cn=config
                objectClass: olcModuleList
                cn: module{0}
                olcModulePath: /usr/lib/ldap
                olcModuleLoad: back_mdb
                olcModuleLoad: ppolicy

                dn: cn=schema,cn=config
                objectClass: olcSchemaConfig
                cn: schema

                include: file:///etc/ldap/schema/core.ldif
                include: file:///etc/ldap/schema/cosine.ldif
                include: file:///etc/ldap/schema/inetorgperson.ldif

                dn: olcDatabase={-1}frontend,cn=config
                objectClass: olcDatabaseConfig
                objectClass: olcFrontendConfig
                olcDatabase: {-1}frontend

                dn: olcDatabase={0}config,cn=config
                objectClass: olcDatabaseConfig
                olcDatabase: {0}config
                olcAccess: {0}to * by * none

                dn: olcDatabase={1}mdb,cn=config
                objectClass: olcDatabaseConfig
                objectClass: olcMdbConfig
                olcDatabase: {1}mdb
                olcSuffix: %2$s
                olcRootDN: %3$s
                olcRootPW: %4$s
                olcDbDirectory: %1$s/data
                olcDbMaxSize: 268435456
                olcSecurity: simple_bind=128
                olcAccess: {0}to attrs=userPassword by dn.exact="%5$s" write by self write by anonymous auth by * none
                olcAccess: {1}to * by dn.exact="%5$s" read by self read by * none

                dn: olcOverlay={0}ppolicy,olcDatabase={1}mdb,cn=config
                objectClass: olcOverlayConfig
                objectClass: olcPPolicyConfig
                olcOverlay: {0}ppolicy
                olcPPolicyDefault: cn=default,ou=policies,%2$s
                olcPPolicyUseLockout: TRUE
                olcPPolicyHashCleartext: TRUE
                """.formatted(
                        directory, SUFFIX, ADMIN_DN, ADMIN_PASSWORD, READER_DN));
        Files.writeString(directory.resolve("data.ldif"), """
                dn: %1$s
                objectClass: domain
                dc: ville

                dn: ou=policies,%1$s
                objectClass: organizationalUnit
                ou: policies

                dn: cn=default,ou=policies,%1$s
                objectClass: organizationalRole
                objectClass: pwdPolicy
                cn: default
                pwdAttribute: userPassword
                pwdMaxFailure: %2$d
                pwdLockout: TRUE
                pwdLockoutDuration: 0
                pwdInHistory: 3

                dn: %3$s
                objectClass: organizationalRole
                objectClass: simpleSecurityObject
                cn: guichet
                userPassword: %4$s

                dn: %5$s
                objectClass: organizationalUnit
                ou: people
                """.formatted(
                        SUFFIX, MAX_FAILURES, READER_DN, READER_PASSWORD, PEOPLE));
        run(directory, "/usr/sbin/slapadd", "-n0", "-F", "slapd.d", "-l", "config.ldif");
        run(directory, "/usr/sbin/slapadd", "-n1", "-F", "slapd.d", "-l", "data.ldif");
        int port = FreePorts.next();
        int ldapsPort = FreePorts.next();
        var log = directory.resolve("slapd.log");
        var process = new ProcessBuilder(
                        BINARY.toString(),
                        "-h",
                        "ldap://127.0.0.1:" + port + "/ ldaps://127.0.0.1:" + ldapsPort + "/",
                        "-F",
                        directory.resolve("slapd.d").toString(),
                        "-d",
                        "0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ServerProcesses.awaitListening(process, port, log, "slapd");
        ServerProcesses.awaitListening(process, ldapsPort, log, "slapd");
        return new Slapd(process, directory, port, ldapsPort);
    }

    /** A self-signed certificate for 127.0.0.1 (PEM) and its key, made with {@code openssl}. */
    public static void certificate(Path certificate, Path key) throws IOException, InterruptedException {
        run(
                certificate.getParent(),
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=127.0.0.1",
                "-addext",
                "subjectAltName=IP:127.0.0.1",
                "-keyout",
                key.toString(),
                "-out",
                certificate.toString());
    }

    private static void run(Path directory, String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    public String url() {
        return "ldap://127.0.0.1:" + port;
    }

    /** The same directory over LDAPS (TLS from the first byte). */
    public String ldapsUrl() {
        return "ldaps://127.0.0.1:" + ldapsPort;
    }

    /** A connection over StartTLS (trusting only this server's certificate), bound as this DN, or refused. */
    public LDAPConnection connect(String dn, String password) throws LDAPException {
        var connection = new LDAPConnection("127.0.0.1", port);
        try {
            var tls = new SSLUtil(new PEMFileTrustManager(certificate.toFile()));
            var started = connection.processExtendedOperation(new StartTLSExtendedRequest(tls.createSSLContext()));
            if (started.getResultCode() != ResultCode.SUCCESS) {
                throw new LDAPException(started);
            }
            connection.bind(dn, password);
            return connection;
        } catch (LDAPException e) {
            connection.close();
            throw e;
        } catch (java.security.GeneralSecurityException e) {
            connection.close();
            throw new IllegalStateException(e);
        }
    }

    /** Adds these entries (LDIF), as the directory's administrator. */
    public void add(String ldif) throws Exception {
        try (var admin = connect(ADMIN_DN, ADMIN_PASSWORD);
                var reader = new LDIFReader(new ByteArrayInputStream(ldif.getBytes(StandardCharsets.UTF_8)))) {
            for (var entry = reader.readEntry(); entry != null; entry = reader.readEntry()) {
                admin.add(entry);
            }
        }
    }

    /** Replaces an attribute's value, as the directory's administrator. */
    public void modify(String dn, String attribute, String value) throws LDAPException {
        try (var admin = connect(ADMIN_DN, ADMIN_PASSWORD)) {
            admin.modify(
                    dn,
                    new com.unboundid.ldap.sdk.Modification(
                            com.unboundid.ldap.sdk.ModificationType.REPLACE, attribute, value));
        }
    }

    /** Whether the directory accepts this password for this entry (a bind of its own, over StartTLS). */
    public boolean accepts(String dn, String password) throws LDAPException {
        try (var ignored = connect(dn, password)) {
            return true;
        } catch (LDAPException refused) {
            if (refused.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw refused;
        }
    }

    /** The values of an (operational) attribute of an entry, read as the administrator. */
    public List<String> values(String dn, String attribute) throws LDAPException {
        try (var admin = connect(ADMIN_DN, ADMIN_PASSWORD)) {
            var entry = admin.getEntry(dn, attribute);
            var values = new ArrayList<String>();
            if (entry != null && entry.getAttribute(attribute) != null) {
                values.addAll(List.of(entry.getAttribute(attribute).getValues()));
            }
            return values;
        }
    }

    @Override
    public void close() throws Exception {
        ServerProcesses.stop(process);
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
