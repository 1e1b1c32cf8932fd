package org.oneedge.bench.handover;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.oneedge.binding.http.HttpCseClient;
import org.oneedge.handover.HandoverCoordinator;
import org.oneedge.handover.continuity.CseHeldDownlinks;
import org.oneedge.handover.continuity.DownlinkRouter;
import org.oneedge.handover.onem2m.CseRequests;
import org.oneedge.handover.registry.CseServingRegistry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.remote.RemoteHandoverParticipant;
import org.oneedge.handover.token.HandoverTokenIssuer;
import org.oneedge.handover.transaction.CseTransactionStore;
import org.oneedge.handover.transaction.HandoverTransaction;
import org.oneedge.handover.transaction.TransactionState;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;

/**
 * Entry point of the handover coordinator in its own process, so a crash test can SIGKILL it at any transaction state
 * and resume in a fresh one (HANDOVER.md "resumable after a crash of any participant"). Arguments:
 * {@code <IN-CSE URL> <coordinator private key> <max instances> <CSE-ID>=<CSEBase>=<URL>...} with the Ed25519 private
 * key in base64 PKCS#8 form; the serving registry and the transactions are at the IN-CSE, the MN-CSEs are reached
 * over their {@code oeHoCtl}, and the downlink router lives here, with the coordinator that freezes and releases it.
 *
 * <p>Commands, one per line on standard input; answers on standard output, one line each:
 * <pre>
 *  handover &lt;txid&gt; &lt;AE-ID&gt; &lt;target&gt; [pause point] → (paused &lt;txid&gt; &lt;point&gt;) ended &lt;txid&gt; &lt;state&gt; &lt;reason|-&gt; | error &lt;txid&gt; …
 *  proceed &lt;txid&gt;                                   (ends the pause)
 *  resume                                           → ended … per unfinished transaction, then resumed &lt;count&gt;
 *  downlink &lt;id&gt; &lt;AE-ID&gt; &lt;container path&gt; &lt;con&gt;   → downlink &lt;id&gt; &lt;response status code&gt;
 * </pre>
 * The pause point is TEST ONLY ({@link PausingTransactionStore}): a state makes the coordinator block once the
 * transaction is stored in that state, {@value #AFTER_SNAPSHOT} once the context was exported and imported, just
 * before the registry switch (answered {@code paused <txid> TRANSFERRING}; one such handover at a time). The process stops when its standard input closes.
 */
public final class HandoverCoordinatorMain {

    /** The line the coordinator prints once it takes commands. */
    static final String READY = "handover-bench coordinator ready";

    /** The pause point between the context transfer and the registry switch (the commit), in TRANSFERRING. */
    static final String AFTER_SNAPSHOT = "SNAPSHOT";

    /** Originator of the downlink requests the {@code downlink} command sends. */
    static final String DOWNLINK_ORIGINATOR = "CbenchApp";

    private HandoverCoordinatorMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            throw new IllegalArgumentException(
                    "usage: <IN-CSE URL> <private key> <max instances> <CSE-ID>=<CSEBase>=<URL>...");
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        HttpCseClient inClient = new HttpCseClient(args[0]);
        CseRequests atIn = new CseRequests(inClient, BenchCse.COORDINATOR);
        ServingRegistry registry = new CseServingRegistry(atIn, BenchCse.REGISTRY_PATH);
        Map<String, HttpCseClient> clients = new ConcurrentHashMap<>();
        Map<String, RemoteHandoverParticipant> participants = new ConcurrentHashMap<>();
        for (String node : List.of(args).subList(3, args.length)) {
            String[] parts = node.split("=", 3);
            HttpCseClient client = new HttpCseClient(parts[2]);
            clients.put(parts[0], client);
            participants.put(parts[0], new RemoteHandoverParticipant(parts[0], parts[1], client,
                    BenchCse.COORDINATOR));
        }
        // held downlinks are kept at the IN-CSE: a coordinator started after a kill delivers what the dead one held
        DownlinkRouter downlinks = new DownlinkRouter(registry, clients::get, Clock.systemUTC(), 1000,
                Duration.ofSeconds(30), new CseHeldDownlinks(atIn, BenchCse.REGISTRY_PATH));
        PausingTransactionStore transactions = new PausingTransactionStore(
                new CseTransactionStore(atIn, BenchCse.REGISTRY_PATH),
                tx -> out.println("paused " + tx.txid() + " " + tx.state()));
        HandoverCoordinator coordinator = new HandoverCoordinator(registry, transactions,
                new HandoverTokenIssuer(privateKey(args[1]), Clock.systemUTC(),
                        HandoverTokenIssuer.DEFAULT_TIME_TO_LIVE),
                id -> Optional.ofNullable(participants.get(id)), Clock.systemUTC(), Integer.parseInt(args[2]))
                .downlinks(downlinks);
        // the hook does not name the transaction: the next handover to reach the snapshot pauses (one at a time)
        AtomicReference<String> pauseAfterSnapshot = new AtomicReference<>();
        coordinator.afterSnapshot(() -> {
            String txid = pauseAfterSnapshot.getAndSet(null);
            if (txid != null) {
                transactions.find(txid).ifPresent(transactions::pauseHere);
            }
        });
        out.println(READY);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] command = line.trim().split(" ");
                switch (command[0]) {
                    case "handover" -> {
                        if (command.length == 5 && command[4].equals(AFTER_SNAPSHOT)) {
                            pauseAfterSnapshot.set(command[1]);
                        } else if (command.length == 5) {
                            transactions.pauseAt(command[1], TransactionState.valueOf(command[4]));
                        }
                        Thread.ofVirtual().start(() -> {
                            try {
                                out.println(ended(coordinator.handover(command[1], command[2], command[3])));
                            } catch (RuntimeException e) {
                                out.println("error " + command[1] + " " + e);
                            }
                        });
                    }
                    case "proceed" -> transactions.proceed(command[1]);
                    case "resume" -> Thread.ofVirtual().start(() -> {
                        try {
                            List<HandoverTransaction> resumed = coordinator.resume();
                            resumed.forEach(tx -> out.println(ended(tx)));
                            out.println("resumed " + resumed.size());
                        } catch (RuntimeException e) {
                            out.println("error resume " + e);
                        }
                    });
                    case "downlink" -> Thread.ofVirtual().start(() -> {
                        Response r = downlinks.send(command[2], Request.builder().operation(Operation.CREATE)
                                .to(command[3]).from(DOWNLINK_ORIGINATOR).requestId("dl-" + command[1])
                                .releaseVersion("3").resourceType(ResourceType.CONTENT_INSTANCE)
                                .content(ContentCodec.parse("{\"m2m:cin\":{\"con\":\"" + command[4] + "\"}}"))
                                .build());
                        out.println("downlink " + command[1] + " " + r.statusCode().code());
                    });
                    default -> out.println("error unknown command " + line);
                }
            }
        } catch (IOException e) {
            // the parent went away
        }
        clients.values().forEach(HttpCseClient::close);
        inClient.close();
        System.exit(0);
    }

    private static String ended(HandoverTransaction tx) {
        return "ended " + tx.txid() + " " + tx.state() + " " + (tx.reason() == null ? "-" : tx.reason().name());
    }

    static String encode(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static PrivateKey privateKey(String base64) throws Exception {
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                .decode(base64)));
    }
}
