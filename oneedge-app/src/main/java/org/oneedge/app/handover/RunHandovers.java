package org.oneedge.app.handover;

import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.oneedge.app.node.OneEdgeNode;
import org.oneedge.app.topology.NodeSpec;
import org.oneedge.cse.Cse;
import org.oneedge.cse.CseExtension;
import org.oneedge.cse.flex.FlexContainerDefinitions;
import org.oneedge.cse.flex.FlexContainerExtension;
import org.oneedge.handover.HandoverCoordinator;
import org.oneedge.handover.HandoverNode;
import org.oneedge.handover.context.ContextTransferExtension;
import org.oneedge.handover.continuity.UplinkWindow;
import org.oneedge.handover.onem2m.CseRequests;
import org.oneedge.handover.registry.CseServingRegistry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.remote.HandoverControl;
import org.oneedge.handover.token.HandoverTokenIssuer;
import org.oneedge.handover.token.HandoverTokenVerifier;
import org.oneedge.handover.transaction.CseTransactionStore;
import org.oneedge.handover.transaction.HandoverTransaction;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handover in the {@code oneedge run} topology (one JVM): the IN-CSE keeps the serving registry and the
 * transactions under its AE {@code oeHandover}; every MN-CSE gets the context-transfer extension and a
 * {@link HandoverNode} in front of its engine (fencing, uplink window, {@code oeHoCtl}); the coordinator sits with
 * the IN-CSE and signs tokens with a key made at start. The IN-CSE also accepts handover requests
 * ({@link HandoverRequestWatcher}, {@code oe:hoReq}) so one can be asked for over HTTP.
 *
 * <pre>
 *   Topology.start(…, runHandovers::customizer)  →  coordinator()  →  AmsHandoverDriver
 * </pre>
 */
public final class RunHandovers {

    private static final Logger LOG = LoggerFactory.getLogger(RunHandovers.class);

    /** Originator of the coordinator and its registry AE at the IN-CSE. */
    public static final String COORDINATOR = "CoeHandover";
    /** Structured path of the registry AE at the IN-CSE. */
    public static final String REGISTRY_PATH = "cse-in/oeHandover";

    private final KeyPair keys = HandoverTokenIssuer.generateKeyPair();
    private final AtomicReference<Cse> in = new AtomicReference<>();
    private final Map<String, HandoverNode> nodes = new ConcurrentHashMap<>();

    /** What the node of {@code spec} gets: the registry AE on the IN-CSE, a handover front on an MN-CSE. */
    public OneEdgeNode.Customizer customizer(NodeSpec spec) {
        String cseId = spec.config().cseId();
        String base = spec.config().cseBaseName();
        if (spec.registrar() == null) {
            return new OneEdgeNode.Customizer() {
                @Override
                public List<CseExtension> extensions() {
                    return List.of(new FlexContainerExtension(FlexContainerDefinitions.builtIn()
                            .with(List.of(HandoverRequestWatcher.DEFINITION,
                                    org.oneedge.app.federation.RankRequestWatcher.DEFINITION))));
                }

                @Override
                public CseClient front(Cse cse) {
                    in.set(cse);
                    Response r = new CseRequests(cse, COORDINATOR).create(base, ResourceType.AE, ContentCodec.parse(
                            "{\"m2m:ae\":{\"rn\":\"oeHandover\",\"api\":\"Noe.handover\",\"rr\":false,"
                                    + "\"srv\":[\"3\"]}}"));
                    if (r.statusCode() != ResponseStatusCode.CREATED && r.statusCode() != ResponseStatusCode.CONFLICT) {
                        throw new IllegalStateException("the handover registry AE could not be created at " + cseId
                                + ": " + r.statusCode() + " " + r.debugMessage());
                    }
                    return cse;
                }
            };
        }
        ContextTransferExtension transfer = new ContextTransferExtension();
        return new OneEdgeNode.Customizer() {
            @Override
            public List<CseExtension> extensions() {
                return List.of(transfer);
            }

            @Override
            public CseClient front(Cse cse) {
                HandoverNode node = new HandoverNode(cse, transfer, registry(),
                        new HandoverTokenVerifier(keys.getPublic(), cseId, Clock.systemUTC()),
                        UplinkWindow.DEFAULT_SIZE);
                nodes.put(cseId, node);
                return new SingleRegistration(new HandoverControl(base, node, node, COORDINATOR));
            }
        };
    }

    /** The serving registry at the IN-CSE (in this JVM). */
    public ServingRegistry registry() {
        Cse cse = in.get();
        if (cse == null) {
            throw new IllegalStateException("the IN-CSE has not started");
        }
        return new CseServingRegistry(new CseRequests(cse, COORDINATOR), REGISTRY_PATH);
    }

    /** Requests to the IN-CSE (in this JVM) as the coordinator's originator. */
    public CseRequests requestsAtIn() {
        Cse cse = in.get();
        if (cse == null) {
            throw new IllegalStateException("the IN-CSE has not started");
        }
        return new CseRequests(cse, COORDINATOR);
    }

    /** The MN-CSE's handover node (its request front), if it takes part. */
    public Optional<HandoverNode> node(String cseId) {
        return Optional.ofNullable(nodes.get(cseId));
    }

    /**
     * Crash recovery at start, on stores that outlived the last run (HANDOVER.md "resumable after a crash of any
     * participant"): {@code coordinator} drives every transaction left unfinished to an end state (committed ones
     * complete, the others roll back), then every MN-CSE drops the AEs the registry shows served by another CSE
     * (the leftover of a handover it crashed in, {@link HandoverNode#reconcile()}).
     *
     * @return the transactions the coordinator ended
     */
    public List<HandoverTransaction> recover(HandoverCoordinator coordinator) {
        List<HandoverTransaction> ended = coordinator.resume();
        for (HandoverTransaction tx : ended) {
            LOG.info("handover {} of {} left unfinished by the last run: now {} {}", tx.txid(), tx.aeId(),
                    tx.state(), tx.reason() == null ? "" : tx.reason());
        }
        nodes.forEach((cseId, node) -> {
            List<String> released = node.reconcile();
            if (!released.isEmpty()) {
                LOG.info("{} dropped AEs served elsewhere since the last run: {}", cseId, released);
            }
        });
        return ended;
    }

    /** A coordinator over the started nodes, with {@code registry} as its view of the serving registry. */
    public HandoverCoordinator coordinator(ServingRegistry registry) {
        CseRequests atIn = new CseRequests(in.get(), COORDINATOR);
        return new HandoverCoordinator(registry, new CseTransactionStore(atIn, REGISTRY_PATH),
                new HandoverTokenIssuer(keys.getPrivate(), Clock.systemUTC(), HandoverTokenIssuer.DEFAULT_TIME_TO_LIVE),
                this::node, Clock.systemUTC(), HandoverCoordinator.DEFAULT_MAX_INSTANCES);
    }
}
