package org.oneedge.handover;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.oneedge.cse.Cse;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.CseType;
import org.oneedge.cse.resource.AccessChecker;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.handover.context.ContextTransferExtension;
import org.oneedge.handover.registry.CseServingRegistry;
import org.oneedge.handover.registry.InMemoryServingRegistry;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.token.HandoverTokenIssuer;
import org.oneedge.handover.token.HandoverTokenVerifier;
import org.oneedge.handover.transaction.CseTransactionStore;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/** An IN-CSE holding the transactions, in-process MN-CSEs as handover nodes, and an in-memory serving registry. */
final class Topology implements AutoCloseable {

    final KeyPair coordinatorKeys = HandoverTokenIssuer.generateKeyPair();
    final InProcessCse in = InProcessCse.in();
    final ServingRegistry registry;
    final CseTransactionStore transactions;
    final Map<String, HandoverNode> nodes = new TreeMap<>();
    final HandoverCoordinator coordinator;

    final Map<String, ContextTransferExtension> transfers = new TreeMap<>();
    private final Duration fencedHold;

    Topology(int mnCount) {
        this(mnCount, 5);
    }

    Topology(int mnCount, int maxInstances) {
        this(mnCount, maxInstances, false);
    }

    /** @param registryAtIn keep the serving registry as resources at the IN-CSE instead of in memory */
    Topology(int mnCount, int maxInstances, boolean registryAtIn) {
        this(mnCount, maxInstances, registryAtIn, r -> r);
    }

    /** @param around wraps the serving registry every party uses, e.g. to count its reads */
    Topology(int mnCount, int maxInstances, boolean registryAtIn,
             java.util.function.UnaryOperator<ServingRegistry> around) {
        this(mnCount, maxInstances, registryAtIn, around, Duration.ZERO);
    }

    /**
     * @param fencedHold how long the nodes hold a write of an AE migrating away from them ({@link HandoverNode});
     *                   zero (the other constructors) refuses at once, so tests that write from the coordinator's own
     *                   thread between export and switch do not wait
     */
    Topology(int mnCount, int maxInstances, boolean registryAtIn,
             java.util.function.UnaryOperator<ServingRegistry> around, Duration fencedHold) {
        this.fencedHold = fencedHold;
        in.registerAe("CoeHandover", "oeHandover");
        registry = around.apply(registryAtIn ? new CseServingRegistry(in.as("CoeHandover"), "cse-in/oeHandover")
                : new InMemoryServingRegistry());
        transactions = new CseTransactionStore(in.as("CoeHandover"), "cse-in/oeHandover");
        for (int i = 1; i <= mnCount; i++) {
            addNode("/id-mn" + i, "cse-mn" + i, coordinatorKeys);
        }
        coordinator = new HandoverCoordinator(registry, transactions,
                new HandoverTokenIssuer(coordinatorKeys.getPrivate(), Clock.systemUTC(), Duration.ofSeconds(30)),
                id -> Optional.ofNullable(nodes.get(id)), Clock.systemUTC(), maxInstances);
    }

    HandoverNode addNode(String cseId, String base, KeyPair trusted) {
        ContextTransferExtension transfer = new ContextTransferExtension();
        Cse cse = Cse.builder().config(CseConfig.defaults().withCseId(cseId).withCseBaseName(base)
                        .withCseType(CseType.MN)).store(new InMemoryResourceStore())
                .accessChecker(AccessChecker.allowAll()).extension(transfer).build();
        cse.start();
        HandoverNode node = new HandoverNode(cse, transfer, registry,
                new HandoverTokenVerifier(trusted.getPublic(), cseId, Clock.systemUTC()), 256, fencedHold);
        nodes.put(cseId, node);
        transfers.put(cseId, transfer);
        return node;
    }

    HandoverNode node(int n) {
        return nodes.get("/id-mn" + n);
    }

    /** Registers the AE at the MN-CSE (rn {@code dev}), gives it a container {@code data}, and enters it. */
    HandoverAwareClient device(String aeId, int mn) {
        HandoverNode node = node(mn);
        Response r = node.send(request(Operation.CREATE, node.cse().config().cseBaseName(), aeId)
                .resourceType(ResourceType.AE).content(ContentCodec.parse(
                        "{\"m2m:ae\":{\"rn\":\"" + rn(aeId) + "\",\"api\":\"Nho.test\",\"rr\":true,\"srv\":[\"3\"]}}"))
                .build());
        if (r.statusCode() != ResponseStatusCode.CREATED) {
            throw new IllegalStateException("registration failed: " + r);
        }
        registry.compareAndSet(aeId, ServingRegistry.ABSENT, ServingEntry.registered(aeId, node.cseId()));
        HandoverAwareClient client = new HandoverAwareClient(aeId, registry, id -> (CseClient) nodes.get(id));
        Response cnt = client.send(request(Operation.CREATE, "-/" + rn(aeId), aeId)
                .resourceType(ResourceType.CONTAINER)
                .content(ContentCodec.parse("{\"m2m:cnt\":{\"rn\":\"data\",\"lbl\":[\"telemetry\"]}}")).build());
        if (cnt.statusCode() != ResponseStatusCode.CREATED) {
            throw new IllegalStateException("container failed: " + cnt);
        }
        return client;
    }

    static String rn(String aeId) {
        return "ae" + aeId;
    }

    static Request.Builder request(Operation op, String to, String from) {
        return Request.builder().operation(op).to(to).from(from).releaseVersion("3").requestId("t");
    }

    /** A content instance sent by the device into its container. */
    static Request uplink(String aeId, String value) {
        return request(Operation.CREATE, "-/" + rn(aeId) + "/data", aeId).resourceType(ResourceType.CONTENT_INSTANCE)
                .content(ContentCodec.parse("{\"m2m:cin\":{\"con\":\"" + value + "\"}}")).build();
    }

    Response read(int mn, String path) {
        return node(mn).send(request(Operation.RETRIEVE, path, InProcessCse.ADMIN).build());
    }

    @Override
    public void close() {
        nodes.values().forEach(n -> n.cse().close());
        in.close();
    }
}
