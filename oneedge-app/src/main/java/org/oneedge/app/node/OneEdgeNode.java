package org.oneedge.app.node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.federation.RankRequestWatcher;
import org.oneedge.binding.http.HttpBindingConfig;
import org.oneedge.binding.http.HttpBindingServer;
import org.oneedge.binding.http.HttpRemoteSender;
import org.oneedge.binding.mqtt.MqttBindingConfig;
import org.oneedge.binding.mqtt.MqttBindingServer;
import org.oneedge.binding.mqtt.MqttRemoteSender;
import org.oneedge.cse.Cse;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.CseExtension;
import org.oneedge.cse.CseType;
import org.oneedge.cse.access.AccessControlExtension;
import org.oneedge.cse.announcement.AnnouncementExtension;
import org.oneedge.cse.flex.FlexContainerDefinitions;
import org.oneedge.cse.flex.FlexContainerExtension;
import org.oneedge.cse.remote.CseRegistrar;
import org.oneedge.cse.remote.MccOutbox;
import org.oneedge.cse.remote.RegistrarConfig;
import org.oneedge.cse.remote.RemoteCseForwarder;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.cse.subscription.SubscriptionExtension;
import org.oneedge.model.CseClient;
import org.oneedge.model.RemoteSender;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.oneedge.store.jdbc.JdbcResourceStore;
import org.oneedge.store.jdbc.JdbcStoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running OneEdge node wired from a {@link NodeConfig}: store, CSE engine, HTTP binding and, when enabled, the
 * MEC platform. Closing it stops them in reverse order of start.
 *
 * <pre>
 *   start:  store -> HTTP binding (port bound, CSE not yet attached) -> [MQTT binding] -> CSE (poa = bound URLs,
 *           Mcc forwarder) -> attach -> [registrar: register upward] -> MEC
 *   close:  registrar (deregister) -> HTTP binding -> MQTT binding -> MEC platform -> CSE -> remote senders -> store
 * </pre>
 */
public final class OneEdgeNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OneEdgeNode.class);

    private final NodeConfig config;
    private final List<Listener> listeners = new ArrayList<>();
    private ResourceStore store;
    private Cse cse;
    private HttpBindingServer http;
    private HttpBindingServer baseline;
    private HttpRemoteSender remoteSender;
    private MqttBindingServer mqtt;
    private MqttRemoteSender mqttSender;
    private CseRegistrar registrar;
    private RemoteCseForwarder forwarder;
    private MecNode mec;

    private final Customizer customizer;

    /**
     * What a caller adds to a node: engine extensions, and a front that requests from the bindings pass through
     * before the engine (e.g. handover fencing, {@code oneedge-handover}).
     */
    public interface Customizer {
        /** No additions. */
        Customizer NONE = new Customizer() {
        };

        default List<CseExtension> extensions() {
            return List.of();
        }

        /** The client the bindings send to; by default the engine itself. Called once, after the engine started. */
        default CseClient front(Cse cse) {
            return cse;
        }
    }

    private OneEdgeNode(NodeConfig config, Customizer customizer) {
        this.config = config;
        this.customizer = customizer;
    }

    /** Starts every component of the node; on failure, whatever started is closed again. */
    public static OneEdgeNode start(NodeConfig config) {
        return start(config, false);
    }

    /** As {@link #start(NodeConfig)}, plus a bare HTTP handler on the same server stack for benchmark baselines. */
    public static OneEdgeNode start(NodeConfig config, boolean withBaselineHandler) {
        return start(config, withBaselineHandler, Customizer.NONE);
    }

    /** As {@link #start(NodeConfig)}, with the customizer's extensions and request front. */
    public static OneEdgeNode start(NodeConfig config, Customizer customizer) {
        return start(config, false, customizer);
    }

    private static OneEdgeNode start(NodeConfig config, boolean withBaselineHandler, Customizer customizer) {
        OneEdgeNode node = new OneEdgeNode(config, customizer);
        try {
            node.startComponents(withBaselineHandler);
            return node;
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    private void startComponents(boolean withBaselineHandler) {
        store = openStore();
        AtomicReference<CseClient> attached = new AtomicReference<>();
        CseClient gate = request -> {
            CseClient c = attached.get();
            return c != null ? c.send(request)
                    : Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, "the CSE is starting; retry shortly");
        };
        HttpBindingConfig httpConfig = HttpBindingConfig.builder()
                .host(config.httpHost())
                .port(config.httpPort())
                .maxBodyBytes((int) Math.min(Integer.MAX_VALUE, config.maxBodySize()))
                .build();
        http = new HttpBindingServer(httpConfig, gate);
        http.start();
        remoteSender = new HttpRemoteSender();
        List<RemoteSender> senders = new ArrayList<>(List.of(remoteSender));
        List<String> pointsOfAccess = new ArrayList<>(List.of(http.baseUrl()));
        if (config.mqttEnabled()) {
            MqttBindingConfig mqttConfig = MqttBindingConfig.builder().brokerUrl(mqttBrokerUrl())
                    .cseId(config.cseId()).build();
            mqtt = MqttBindingServer.builder().config(mqttConfig).cseClient(gate).build();
            mqtt.start();
            mqttSender = MqttRemoteSender.builder().config(mqttConfig).connection(mqtt.connection()).build();
            senders.add(mqttSender);
            pointsOfAccess.add(mqttPointOfAccess());
        }
        CseConfig cseConfig = cseConfig(pointsOfAccess);
        AccessControlExtension accessControl = new AccessControlExtension();
        AnnouncementExtension announcement = new AnnouncementExtension();
        java.util.concurrent.atomic.AtomicBoolean registeredOnce = new java.util.concurrent.atomic.AtomicBoolean();
        // announcements wait (queued in the store) until the first registration; afterwards an unreachable
        // registrar makes them wait in the outbox, which retries on its own (link loss)
        announcement.linkUp(() -> !config.hasRegistrar() || registeredOnce.get());
        forwarder = new RemoteCseForwarder(cseConfig, store, senders)
                .queueNotifications(store, java.time.Clock.systemUTC(), MccOutbox.Settings.defaults());
        Cse.Builder builder = Cse.builder()
                .config(cseConfig)
                .store(store)
                .forwarder(forwarder)
                .extension(accessControl)
                .extension(new SubscriptionExtension(accessControl::checker))
                .extension(announcement);
        senders.forEach(sender -> builder.remoteSender(forwarder.queueing(sender))); // notifications survive link loss
        customizer.extensions().forEach(builder::extension);
        if (customizer.extensions().stream().noneMatch(FlexContainerExtension.class::isInstance)) {
            // the federation add-on's ranking requests (oe:fedRankReq) are accepted on every node of a run
            builder.extension(new FlexContainerExtension(FlexContainerDefinitions.builtIn()
                    .with(List.of(RankRequestWatcher.DEFINITION))));
        }
        cse = builder.build();
        cse.start();
        forwarder.start(); // sends what an earlier run queued for an unreachable next hop
        attached.set(customizer.front(cse));
        if (config.hasRegistrar()) {
            registrar = new CseRegistrar(RegistrarConfig.builder(config.registrarCseId(), config.registrarCseBase(),
                    config.registrarUrls()).deregisterOnShutdown(config.registrarDeregister())
                    .requestReachable(config.registrarRequestReachable()).build(), cseConfig, cse,
                    store, senders);
            String registrarId = config.registrarCseId();
            registrar.onRegisteredAnew(() -> announcement.reannounce(registrarId));
            registrar.onStateChange(state -> {
                if (state == CseRegistrar.State.REGISTERED) {
                    registeredOnce.set(true);
                    announcement.wake();
                }
            });
            registrar.start();
        }
        if (withBaselineHandler) {
            baseline = HttpBindingServer.bare(httpConfig.toBuilder().port(0).build(), BaselineBody.laSized());
            baseline.start();
        }
        listeners.add(new Listener(config.cseType() + "-CSE " + config.cseId() + " (" + config.cseBaseName() + ")",
                cseBaseUrl()));
        if (config.mecEnabled()) {
            mec = MecNode.start(config.httpHost(), config.mecPort(), config.mecScenario(),
                    new MnCseInstantiator(config, http.baseUrl())); // 010-2 instantiates OneEdge MN-CSEs here
            listeners.addAll(mec.listeners());
        }
        log.info("{}-CSE {} ({}) started: http {} store {}", config.cseType(), config.cseId(), config.cseBaseName(),
                cseBaseUrl(), describeStore());
    }

    private String mqttBrokerUrl() {
        return config.mqttBrokerUrl() != null ? config.mqttBrokerUrl() : MqttBindingConfig.DEFAULT_BROKER_URL;
    }

    /** {@code mqtt://host:port} of the broker this node serves on (TS-0010 point of access). */
    private String mqttPointOfAccess() {
        return "mqtt://" + mqttBrokerUrl().replaceFirst("^[a-z]+://", "");
    }

    private CseConfig cseConfig(List<String> pointsOfAccess) {
        return CseConfig.defaults()
                .withCseId(config.cseId())
                .withCseBaseName(config.cseBaseName())
                .withSpId(config.spId())
                .withCseType(CseType.valueOf(config.cseType().name()))
                .withAdminOriginator(config.adminOriginator())
                .withSupportedReleaseVersions(config.releaseVersions())
                .withPointOfAccess(pointsOfAccess);
    }

    private ResourceStore openStore() {
        return switch (config.storeType()) {
            case MEMORY -> new InMemoryResourceStore();
            case H2 -> JdbcResourceStore.open(JdbcStoreConfig.builder(
                    h2FileUrl(config.dataDir().toAbsolutePath().normalize())).build());
            case POSTGRES -> JdbcResourceStore.postgres(config.postgresUrl(), config.postgresUser(),
                    config.postgresPassword());
        };
    }

    /**
     * The store's H2 file URL with H2's own close-at-JVM-exit turned off: the node closes its store itself, last, on
     * Ctrl-C/SIGTERM; with H2's shutdown hook racing ours, the IN-CSE's database was closed before the MN-CSEs'
     * deregistrations reached it ("Database is already closed").
     */
    static String h2FileUrl(Path dataDir) {
        return JdbcResourceStore.h2FileUrl(dataDir) + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    private String describeStore() {
        return switch (config.storeType()) {
            case MEMORY -> "memory";
            case H2 -> "h2 in " + config.dataDir().toAbsolutePath().normalize();
            case POSTGRES -> "postgres " + config.postgresUrl();
        };
    }

    /** Where the node listens, one entry per server. */
    public List<Listener> listeners() {
        return List.copyOf(listeners);
    }

    /** The CSEBase over HTTP, e.g. {@code http://127.0.0.1:8080/cse-in}. */
    public String cseBaseUrl() {
        return http.baseUrl() + "/" + config.cseBaseName();
    }

    /** The bare baseline handler's URL (only when started with it). */
    public String baselineUrl() {
        if (baseline == null) {
            throw new IllegalStateException("this node was started without the baseline handler");
        }
        return baseline.baseUrl() + "/" + config.cseBaseName() + "/bench-ae/data/la";
    }

    /** The node's configuration. */
    public NodeConfig config() {
        return config;
    }

    /** The HTTP base URL (no CSEBase), e.g. {@code http://127.0.0.1:8080}. */
    public String httpUrl() {
        return http.baseUrl();
    }

    /** The points of access this node announces ({@code poa}): HTTP and, when enabled, MQTT. */
    public List<String> pointsOfAccess() {
        return cse.config().pointOfAccess();
    }

    /** Registration state at the registrar, or null when this node registers nowhere. */
    public CseRegistrar.State registrationState() {
        return registrar == null ? null : registrar.state();
    }

    /** One line of the topology map: role, CSE-ID, CSEBase, URLs, registrar. */
    public String mapLine() {
        return String.format("%-7s %-9s %-9s %s  registrar: %s", config.cseType() + "-CSE", config.cseId(),
                config.cseBaseName(), String.join(" ", pointsOfAccess()),
                config.hasRegistrar() ? config.registrarCseId() + " " + String.join(" ", config.registrarUrls()) : "-");
    }

    /** The node's store, for benchmark fills that skip the request path on purpose. */
    public ResourceStore store() {
        return store;
    }

    /** The MEC platform this node runs, or null when {@code mec.enabled} is false. */
    public MecNode mecNode() {
        return mec;
    }

    /** The CSE in this JVM, for callers that skip the network. */
    public CseClient cse() {
        return cse;
    }

    @Override
    public void close() {
        boolean wasRunning = cse != null;
        // HTTP first (no new requests), then the CSE (background work), then the store; each only if it started.
        closeQuietly(registrar); // deregisters while the bindings still work
        closeQuietly(baseline);
        closeQuietly(http);
        closeQuietly(mqtt);
        closeQuietly(mec);
        closeQuietly(forwarder);
        closeQuietly(cse);
        closeQuietly(remoteSender);
        closeQuietly(mqttSender);
        closeQuietly(store);
        registrar = null;
        baseline = null;
        http = null;
        mqtt = null;
        mqttSender = null;
        mec = null;
        forwarder = null;
        cse = null;
        remoteSender = null;
        store = null;
        if (wasRunning) {
            log.info("{}-CSE {} stopped: HTTP binding, CSE and store closed", config.cseType(), config.cseId());
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            log.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
        }
    }
}
