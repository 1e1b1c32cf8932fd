package org.oneedge.bench.handover;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.oneedge.binding.http.HttpBindingConfig;
import org.oneedge.binding.http.HttpBindingServer;
import org.oneedge.binding.http.HttpCseClient;
import org.oneedge.binding.http.HttpRemoteSender;
import org.oneedge.cse.Cse;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.CseType;
import org.oneedge.cse.remote.CseRegistrar;
import org.oneedge.cse.remote.RegistrarConfig;
import org.oneedge.cse.remote.RemoteCseForwarder;
import org.oneedge.cse.resource.AccessChecker;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.handover.HandoverNode;
import org.oneedge.handover.context.ContextTransferExtension;
import org.oneedge.handover.continuity.UplinkWindow;
import org.oneedge.handover.onem2m.CseRequests;
import org.oneedge.handover.registry.CseServingRegistry;
import org.oneedge.handover.remote.HandoverControl;
import org.oneedge.handover.token.HandoverTokenVerifier;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.oneedge.store.jdbc.JdbcResourceStore;

/**
 * One CSE of the handover bench, in the JVM that calls {@link #in} or {@link #mn}: engine on an in-memory store
 * or, for crash tests, an H2 file store (access control off: the bench measures handover, not ACPs), served over HTTP on a free loopback port. An MN-CSE
 * registers to the IN-CSE (Mcc), fences its AEs with a {@link HandoverNode} that reads the serving registry at the
 * IN-CSE over HTTP, answers the coordinator at {@code <CSEBase>/oeHoCtl} and counts what it stores.
 *
 * <pre>
 *   HTTP ──► HandoverControl ──► MessageRecorder ──► HandoverNode (fencing, uplink window) ──► Cse
 * </pre>
 */
final class BenchCse implements AutoCloseable {

    /** Originator of the coordinator and of the registry AE at the IN-CSE. */
    static final String COORDINATOR = "CoeHandover";
    /** Structured path of the registry AE at the IN-CSE. */
    static final String REGISTRY_PATH = "cse-in/oeHandover";

    final String cseId;
    final String base;
    final Cse cse;
    final HandoverNode node;
    final MessageRecorder recorder;
    private final HttpBindingServer http;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private AutoCloseable closeLast;

    private BenchCse(String cseId, String base, Cse cse, HandoverNode node, MessageRecorder recorder,
                     HttpBindingServer http) {
        this.cseId = cseId;
        this.base = base;
        this.cse = cse;
        this.node = node;
        this.recorder = recorder;
        this.http = http;
    }

    /** The IN-CSE {@code /id-in} ({@code cse-in}) with the registry AE {@code oeHandover} registered. */
    static BenchCse in() {
        CseConfig config = CseConfig.defaults().withCseId("/id-in").withCseBaseName("cse-in")
                .withCseType(CseType.IN);
        InMemoryResourceStore store = new InMemoryResourceStore();
        HttpRemoteSender sender = new HttpRemoteSender();
        Cse cse = Cse.builder().config(config.withPointOfAccess(List.of())).store(store)
                .accessChecker(AccessChecker.allowAll()).forwarder(new RemoteCseForwarder(config, store,
                        List.of(sender))).remoteSender(sender).build();
        cse.start();
        HttpBindingServer http = new HttpBindingServer(HttpBindingConfig.loopbackAnyPort(), cse);
        http.start();
        Response r = new CseRequests(cse, COORDINATOR).create("cse-in", ResourceType.AE, ContentCodec.parse(
                "{\"m2m:ae\":{\"rn\":\"oeHandover\",\"api\":\"Noe.handover\",\"rr\":false,\"srv\":[\"3\"]}}"));
        if (r.statusCode() != ResponseStatusCode.CREATED) {
            throw new IllegalStateException("registry AE not created at the IN-CSE: " + r);
        }
        BenchCse in = new BenchCse("/id-in", "cse-in", cse, null, null, http);
        in.resources.add(sender);
        return in;
    }

    /**
     * An MN-CSE registered to the IN-CSE at {@code inUrl}, trusting handover tokens signed with
     * {@code coordinatorKey}.
     */
    static BenchCse mn(String cseId, String base, String inUrl, PublicKey coordinatorKey) {
        return mn(cseId, base, inUrl, coordinatorKey, null);
    }

    /** As {@link #mn(String, String, String, PublicKey)}, on an H2 file store in {@code dataDir} when not null. */
    static BenchCse mn(String cseId, String base, String inUrl, PublicKey coordinatorKey, Path dataDir) {
        return mn(cseId, base, inUrl, coordinatorKey, dataDir, 0);
    }

    /**
     * As {@link #mn(String, String, String, PublicKey, Path)} on loopback port {@code port} (0: any free port); a
     * crash test restarts a killed MN-CSE on the port it had, as a restarted CSE keeps its address.
     */
    static BenchCse mn(String cseId, String base, String inUrl, PublicKey coordinatorKey, Path dataDir, int port) {
        ResourceStore store = dataDir == null ? new InMemoryResourceStore() : JdbcResourceStore.h2File(dataDir);
        ContextTransferExtension transfer = new ContextTransferExtension();
        HttpRemoteSender sender = new HttpRemoteSender();
        HttpCseClient inClient = new HttpCseClient(inUrl);
        CseServingRegistry registry = new CseServingRegistry(new CseRequests(inClient, COORDINATOR), REGISTRY_PATH);
        MessageRecorder[] front = new MessageRecorder[1];
        AtomicReference<HandoverControl> control = new AtomicReference<>();
        HttpBindingServer http = new HttpBindingServer(HttpBindingConfig.builder().host("127.0.0.1").port(port)
                .build(), request -> {
                    HandoverControl ready = control.get();
                    return ready != null ? ready.send(request) : Response.error(
                            ResponseStatusCode.TARGET_NOT_REACHABLE, cseId + " is starting").withRequestId(
                            request.requestId()); // e.g. restarted after a crash: clients wait and retry
                });
        http.start();
        CseConfig config = CseConfig.defaults().withCseId(cseId).withCseBaseName(base).withCseType(CseType.MN)
                .withPointOfAccess(List.of(http.baseUrl()));
        Cse cse = Cse.builder().config(config).store(store).accessChecker(AccessChecker.allowAll())
                .forwarder(new RemoteCseForwarder(config, store, List.of(sender))).remoteSender(sender)
                .extension(transfer).build();
        cse.start();
        HandoverNode node = new HandoverNode(cse, transfer, registry,
                new HandoverTokenVerifier(coordinatorKey, cseId, Clock.systemUTC()), UplinkWindow.DEFAULT_SIZE);
        front[0] = new MessageRecorder(base, node);
        CseRegistrar registrar = new CseRegistrar(RegistrarConfig.builder("/id-in", "cse-in", List.of(inUrl))
                .deregisterOnShutdown(false).build(), config, cse, store, List.of(sender));
        registrar.start();
        node.reconcile(); // a restart after a crash mid-handover drops what the registry shows served elsewhere
        control.set(new HandoverControl(base, node, front[0], COORDINATOR)); // serving from here on
        BenchCse mn = new BenchCse(cseId, base, cse, node, front[0], http);
        mn.resources.add(registrar);
        mn.resources.add(sender);
        mn.resources.add(inClient);
        mn.closeLast = store;
        return mn;
    }

    /** Base URL without the CSEBase, e.g. {@code http://127.0.0.1:41234}. */
    String url() {
        return http.baseUrl();
    }

    @Override
    public void close() {
        for (AutoCloseable r : resources.reversed()) {
            try {
                r.close();
            } catch (Exception e) {
                // closing a bench node: nothing to do about it
            }
        }
        http.close();
        cse.close();
        if (closeLast != null) {
            try {
                closeLast.close();
            } catch (Exception e) {
                // closing a bench node: nothing to do about it
            }
        }
    }
}
