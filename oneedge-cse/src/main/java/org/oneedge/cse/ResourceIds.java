package org.oneedge.cse;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.oneedge.model.ResourceType;

/**
 * Makes resource identifiers (digest §1.4): {@code ri} as the type's short name plus 12 digits ({@code cnt483920174623}),
 * generated {@code rn} as {@code <shortName>_<10 letters or digits>} ({@code cnt_0kB3J9x0aQ}), both ascending within a
 * run so that the store's indexes grow at one end, CSE-assigned
 * AE-ID-Stems as {@code C<12 random>}; and checks resource name syntax.
 */
final class ResourceIds {

    private static final char[] ALPHANUMERIC =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

    private static final long FIRST_RI = 100_000_000_000L;
    private static final long RI_VALUES = 900_000_000_000L;

    /** The number in the next {@code ri}: a random start per run, then counting up. */
    private final AtomicLong nextRi = new AtomicLong(FIRST_RI + ThreadLocalRandom.current().nextLong(RI_VALUES));

    /**
     * A fresh {@code ri}: the type's short name and 12 digits, counting up from a random start chosen when the CSE
     * starts, so that a run never repeats itself and consecutive resources sit side by side in the store's index
     * (a random {@code ri} per CREATE rewrote a random index page each time). It is not looked up: a run's numbers
     * meet an earlier run's only if its random start falls among the numbers that run used (for a million stored
     * resources about 1 in 10^6 per start), and the store's unique {@code ri} then refuses the CREATE instead of
     * overwriting anything; the engine then calls {@link #restartRiCounter()} and tries once more.
     */
    String newRi(ResourceType type) {
        long n = FIRST_RI + Math.floorMod(nextRi.getAndIncrement() - FIRST_RI, RI_VALUES);
        return type.shortName() + n;
    }

    /** Moves the counter to a new random start, after a generated {@code ri} was found taken. */
    void restartRiCounter() {
        nextRi.set(FIRST_RI + ThreadLocalRandom.current().nextLong(RI_VALUES));
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
