package org.oneedge.bench.handover;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Entry point of a handover-bench CSE in its own process (started by {@link ProcessSites} with the class path of the
 * program that runs the bench): {@code in}, or
 * {@code mn <CSE-ID> <CSEBase> <IN-CSE URL> <coordinator key> [data dir [port]]} with the Ed25519 public key in
 * base64 X.509 form and, for a durable MN-CSE, the directory of its H2 store (and the loopback port to listen on, for
 * a restart at the address it had; default any free port). Prints {@code listening on <URL>} once serving and stops
 * when its standard input closes, so it never outlives the bench.
 */
public final class HandoverNodeMain {

    /** The line a started node prints, followed by its HTTP base URL. */
    static final String LISTENING = "handover-bench node listening on ";

    private HandoverNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchCse cse = switch (args.length > 0 ? args[0] : "") {
            case "in" -> BenchCse.in();
            case "mn" -> {
                if (args.length < 5 || args.length > 7) {
                    throw new IllegalArgumentException(
                            "usage: mn <CSE-ID> <CSEBase> <IN-CSE URL> <key> [data dir [port]]");
                }
                yield BenchCse.mn(args[1], args[2], args[3], publicKey(args[4]),
                        args.length >= 6 ? Path.of(args[5]) : null, args.length == 7 ? Integer.parseInt(args[6]) : 0);
            }
            default -> throw new IllegalArgumentException("usage: in | mn <CSE-ID> <CSEBase> <IN-CSE URL> <key>");
        };
        System.out.println(LISTENING + cse.url());
        System.out.flush();
        try {
            while (System.in.read() >= 0) {
                // wait for the parent to close our standard input (or to end)
            }
        } catch (IOException e) {
            // the parent went away
        }
        cse.close();
        System.exit(0);
    }

    static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static PublicKey publicKey(String base64) throws Exception {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                .decode(base64)));
    }
}
