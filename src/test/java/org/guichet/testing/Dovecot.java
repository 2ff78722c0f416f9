package org.guichet.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * A real Dovecot IMAP server from Debian's packages ({@code dovecot-imapd}), started by a test on a loopback port:
 * its {@code passdb oauth2} asks Guichet's {@code /oauth2/introspect} whether each token is active (as the client
 * {@code mail-server}), and its mailboxes are maildirs the test writes. Stopped with the test.
 */
public final class Dovecot implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/dovecot");

    private static final java.util.concurrent.atomic.AtomicLong DELIVERED =
            new java.util.concurrent.atomic.AtomicLong();

    private final Process process;
    private final Path directory;
    public final int port;

    private Dovecot(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /**
     * Starts Dovecot on {@code port}, checking tokens at {@code introspection} (an address with the resource server's
     * credentials: {@code http://mail-server:secret@127.0.0.1:8080/oauth2/introspect}); the name it knows an agent by
     * is the token's {@code username}, its mailbox the local part.
     */
    public static Dovecot start(int port, String introspection) throws IOException, InterruptedException {
        return start(port, introspection, 0, 0);
    }

    /**
     * The same, with a submission server (SMTP, RFC 6409) on {@code submission} that signs agents in the same way and
     * relays what they send to the SMTP server on {@code relay} (a GreenMail the test reads); none when 0.
     */
    public static Dovecot start(int port, String introspection, int submission, int relay)
            throws IOException, InterruptedException {
        return start(port, introspection, submission, relay, null, null);
    }

    /**
     * The same, where {@code masterUser} (when not null) may also open any mailbox with {@code masterPassword}, signing
     * in as {@code agent@ville.example*masterUser} (PLAIN): the mode for servers without OAuth.
     */
    public static Dovecot start(
            int port,
            String introspection,
            int submission,
            int relay,
            @org.jspecify.annotations.Nullable String masterUser,
            @org.jspecify.annotations.Nullable String masterPassword)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(
                    "Dovecot is not installed (apt-get install dovecot-imapd): .ci/run installs it");
        }
        // Dovecot reads the mailboxes as its own user: it must be able to cross this folder
        var directory = Files.createTempDirectory(
                "guichet-dovecot",
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
        var mail = Files.createDirectories(directory.resolve("mail"));
        giveToDovecot(mail);
        Files.writeString(directory.resolve("oauth2.conf"), """
                introspection_mode = post
                introspection_url = %s
                force_introspection = yes
                username_attribute = username
                active_attribute = active
                active_value = true
                """.formatted(introspection));
        var master = "";
        if (masterUser != null && masterPassword != null) {
            Files.writeString(directory.resolve("masters"), masterUser + ":{PLAIN}" + masterPassword + "\n");
            giveToDovecot(directory.resolve("masters"));
            master = """
                    auth_master_user_separator = *
                    passdb {
                      driver = passwd-file
                      master = yes
                      args = %s/masters
                    }
                    """.formatted(directory);
        }
        Files.writeString(
                directory.resolve("dovecot.conf"),
                master
                        + """
                base_dir = %1$s/run
                state_dir = %1$s/state
                log_path = %1$s/dovecot.log
                protocols = %3$s
                hostname = mail.guichet.test
                submission_relay_host = 127.0.0.1
                submission_relay_port = %5$d
                listen = 127.0.0.1
                ssl = no
                disable_plaintext_auth = no
                auth_mechanisms = xoauth2 oauthbearer plain login
                first_valid_uid = 1
                # a refused token is answered at once (production keeps its 2 s)
                auth_failure_delay = 0
                # Guichet signs every agent in from the same address: no penalty for the others when one is refused
                login_trusted_networks = 127.0.0.1/32
                mail_location = maildir:%1$s/mail/%%n
                service imap-login {
                  inet_listener imap {
                    address = 127.0.0.1
                    port = %2$d
                  }
                  inet_listener imaps {
                    port = 0
                  }
                  chroot =
                }
                service anvil {
                  chroot =
                }
                service submission-login {
                  inet_listener submission {
                    address = 127.0.0.1
                    port = %4$d
                  }
                  chroot =
                }
                passdb {
                  driver = oauth2
                  mechanisms = xoauth2 oauthbearer
                  args = %1$s/oauth2.conf
                }
                userdb {
                  driver = static
                  args = uid=dovecot gid=dovecot home=%1$s/mail/%%n
                }
                """.formatted(
                                        directory,
                                        port,
                                        submission > 0 ? "imap submission" : "imap",
                                        submission,
                                        relay > 0 ? relay : 25));
        var process = new ProcessBuilder(
                        BINARY.toString(),
                        "-F",
                        "-c",
                        directory.resolve("dovecot.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("stdout.log").toFile())
                .start();
        ServerProcesses.awaitListening(process, port, directory.resolve("stdout.log"), "Dovecot");
        return new Dovecot(process, directory, port);
    }

    /** Puts a message (RFC 5322 text) in the inbox of the mailbox {@code user} (the local part), read or not. */
    public void deliver(String user, String message, boolean seen) throws IOException {
        var box = directory.resolve("mail").resolve(user);
        if (!Files.isDirectory(box.resolve("tmp"))) {
            for (var folder : new String[] {"cur", "new", "tmp"}) {
                Files.createDirectories(box.resolve(folder));
            }
            try (var walk = Files.walk(box)) {
                for (var path : walk.toList()) {
                    giveToDovecot(path);
                }
            }
        }
        // named in the order delivered: the server numbers new messages in the order of their names
        var name = "%012d.%d.guichet".formatted(DELIVERED.incrementAndGet(), System.currentTimeMillis());
        var file = seen
                ? box.resolve("cur").resolve(name + ":2,S")
                : box.resolve("new").resolve(name);
        Files.writeString(file, message.replace("\n", "\r\n"), StandardCharsets.UTF_8);
        giveToDovecot(file);
    }

    /** What Dovecot logged (a refused token says why there). */
    public String log() throws IOException {
        var log = directory.resolve("dovecot.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static void giveToDovecot(Path path) throws IOException {
        var lookup = path.getFileSystem().getUserPrincipalLookupService();
        var view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(lookup.lookupPrincipalByName("dovecot"));
        view.setGroup(lookup.lookupPrincipalByGroupName("dovecot"));
    }

    @Override
    public void close() throws InterruptedException {
        ServerProcesses.stop(process);
    }
}
