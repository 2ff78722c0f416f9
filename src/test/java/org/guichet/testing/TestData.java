package org.guichet.testing;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh identifiers for tests that share a database: each block holds 100 SOIs ({@code 3xxxxNN}) and a name no
 * other block uses, so tests never collide, even on a database kept between runs.
 */
public final class TestData {

    private static final AtomicInteger NEXT_BLOCK =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(30_000, 90_000));

    private TestData() {}

    /** A block of 100 SOIs and a unique name. */
    public record Block(int number) {

        /** The SOI {@code offset} (0 to 99) of this block. */
        public String soi(int offset) {
            return String.valueOf(number * 100 + offset);
        }

        /** A last name, or department code suffix, only this block uses: letters only. */
        public String name() {
            var letters = new StringBuilder();
            for (var digit : String.valueOf(number).toCharArray()) {
                letters.append((char) ('a' + digit - '0'));
            }
            return "Essai" + letters;
        }

        /** A department code only this block uses. */
        public String department(String suffix) {
            return ("T" + number + suffix).toUpperCase();
        }
    }

    private static final AtomicInteger NEXT_ADDRESS =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 60_000));

    /** A client address no other test uses (in 198.18.0.0/15, reserved for tests: an internet address here). */
    public static String address() {
        var n = NEXT_ADDRESS.getAndIncrement() % 65_000;
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    private static final AtomicInteger NEXT_OFFICE_ADDRESS =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 60_000));

    /** An office-network address no other test uses (in 10.18.0.0/16: the INTERNAL channel by default). */
    public static String officeAddress() {
        var n = NEXT_OFFICE_ADDRESS.getAndIncrement() % 62_500;
        return "10.18." + (n / 250) + "." + (n % 250 + 1);
    }

    private static final AtomicInteger NEXT_VPN_ADDRESS =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 60_000));

    /** A VPN address no other test uses (in 10.200.0.0/16: the VPN channel by default). */
    public static String vpnAddress() {
        var n = NEXT_VPN_ADDRESS.getAndIncrement() % 62_500;
        return "10.200." + (n / 250) + "." + (n % 250 + 1);
    }

    public static Block block() {
        return new Block(NEXT_BLOCK.getAndIncrement());
    }
}
