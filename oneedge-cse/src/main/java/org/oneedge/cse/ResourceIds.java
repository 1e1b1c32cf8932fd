package org.oneedge.cse;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.oneedge.model.ResourceType;

/**
 * Makes resource identifiers (digest §1.4): {@code ri} as the type's short name plus 12 digits ({@code cnt483920174623}),
 * generated {@code rn} as {@code <shortName>_<10 random letters or digits>} ({@code cnt_k3J9x0aQpz}), CSE-assigned
 * AE-ID-Stems as {@code C<12 random>}; and checks resource name syntax.
 */
final class ResourceIds {

    private static final char[] ALPHANUMERIC =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

    /**
     * A fresh random {@code ri}. It is not looked up: with 9 * 10^11 values per type a clash with a stored resource
     * is about as unlikely as a generated {@code rn} clash, and the store's unique {@code ri} refuses it (4105)
     * instead of overwriting anything; the lookup cost one store query on every CREATE.
     */
    String newRi(ResourceType type) {
        long n = ThreadLocalRandom.current().nextLong(100_000_000_000L, 1_000_000_000_000L);
        return type.shortName() + n;
    }

    /** Digits and letters in ascending character order, so that generated names sort as the numbers they encode. */
    private static final char[] ORDERED_ALPHANUMERIC =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    /** The last number a generated {@code rn} encodes. */
    private final AtomicLong lastName = new AtomicLong();

    /**
     * A generated {@code rn}: 10 letters or digits encoding a number that grows with every call and with the clock
     * (microseconds, times 16, plus a random 0..15), so that names never repeat within a run nor, as long as the clock
     * does not go back, across restarts. Ascending names keep the store's index on paths appending at one end
     * instead of rewriting a random index page on every CREATE; a clash is refused by the store's unique path (4105).
     */
    String newRn(ResourceType type) {
        Instant now = Instant.now();
        long clock = (now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000) * 16
                + ThreadLocalRandom.current().nextInt(16);
        long n = lastName.accumulateAndGet(clock, (last, candidate) -> Math.max(last + 1, candidate));
        char[] out = new char[10];
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = ORDERED_ALPHANUMERIC[(int) (n % ORDERED_ALPHANUMERIC.length)];
            n /= ORDERED_ALPHANUMERIC.length;
        }
        return type.shortName() + "_" + new String(out);
    }

    static String random(int length) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHANUMERIC[rnd.nextInt(ALPHANUMERIC.length)];
        }
        return new String(out);
    }

    /** Resource name syntax {@code (ALPHA/DIGIT) *(ALPHA/DIGIT/"-"/"."/"_")} (digest §1.4). */
    static boolean isValidName(String rn) {
        if (rn == null || rn.isEmpty() || !isAlnum(rn.charAt(0))) {
            return false;
        }
        for (int i = 1; i < rn.length(); i++) {
            char c = rn.charAt(i);
            if (!isAlnum(c) && c != '-' && c != '.' && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
