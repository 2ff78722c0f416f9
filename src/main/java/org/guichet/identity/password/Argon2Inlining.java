package org.guichet.identity.password;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import javax.management.JMException;
import javax.management.ObjectName;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the JVM's just-in-time compiler to compile Bouncy Castle's Argon2 block function in one piece: its round
 * function and the BLAKE2b mixing it calls eight times ({@code G}) inlined into the loop over a block ({@code
 * FillBlock.applyBlake}), a compiler directive added at run time through the JVM's diagnostic commands (what {@code
 * jcmd <pid> Compiler.directives_add} does).
 *
 * <p>Whether HotSpot inlines them on its own depends on the order in which it happens to compile them: when {@code G}
 * is compiled on its own first, its code is then too big to be inlined into the loop, and stays a call. Measured on
 * the demo under sign-ins (Java Flight Recorder, {@code bench/README.md}): every start of the node compiled it that
 * way, where the same hashes in a JVM doing nothing else were compiled in one piece; forced apart ({@code
 * -XX:CompileCommand=dontinline}), one thread's hashes a second fall by about a third. The directive changes nothing
 * else: not the hash, only how fast it is computed. On a JVM without HotSpot's diagnostic commands the request is
 * refused and logged once; hashing is the same, at whatever speed that JVM compiles it.
 */
final class Argon2Inlining {

    private static final Logger LOG = LoggerFactory.getLogger(Argon2Inlining.class);
    private static final String GENERATOR = "org.bouncycastle.crypto.generators.Argon2BytesGenerator";

    /** HotSpot's compiler directive (JEP 165), in its own JSON dialect. */
    static final String DIRECTIVE = """
            [{
              match: "%1$s$FillBlock::applyBlake",
              inline: ["+%1$s::access*", "+%1$s::roundFunction", "+%1$s::G"]
            }]
            """.formatted(GENERATOR);

    /** Whether the JVM took the directive; none until asked (guarded by the class's lock). */
    private static @Nullable Boolean added;

    private Argon2Inlining() {}

    /**
     * Adds the directive beside the caller, once per JVM: the JVM's management server, started for it, takes a tenth
     * of a second or more, which a node's start need not wait for (its first sign-in comes later).
     */
    static void requestInBackground() {
        Thread.ofVirtual().name("argon2-inlining").start(Argon2Inlining::request);
    }

    /** Adds the directive, once per JVM; tells whether the JVM has it. */
    static synchronized boolean request() {
        if (added == null) {
            added = add();
        }
        return added;
    }

    private static boolean add() {
        try {
            var file = Files.createTempFile("guichet-argon2-", ".json");
            try {
                Files.writeString(file, DIRECTIVE);
                var answer = String.valueOf(
                        diagnosticCommand("compilerDirectivesAdd", new Object[] {new String[] {file.toString()}}));
                if (!answer.contains("1 compiler directives added")) {
                    LOG.info("The JVM did not take the Argon2 inlining directive: {}", answer.strip());
                    return false;
                }
                LOG.debug("Argon2 inlining directive added");
                return true;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (Exception | LinkageError e) {
            LOG.info("The JVM offers no compiler directives ({}); Argon2 is hashed as it compiles it", e.toString());
            return false;
        }
    }

    /** Runs one of HotSpot's diagnostic commands (its {@code jcmd} name in camel case) and answers what it printed. */
    static Object diagnosticCommand(String operation, Object[] arguments) throws JMException {
        return ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        operation,
                        arguments,
                        new String[] {String[].class.getName()});
    }
}
