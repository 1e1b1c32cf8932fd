package org.oneedge.app.node;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.binding.http.HttpBindingConfig;
import org.oneedge.binding.http.HttpBindingServer;
import org.oneedge.binding.http.HttpRemoteSender;
import org.oneedge.cse.Cse;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.CseType;
import org.oneedge.cse.access.AccessControlExtension;
import org.oneedge.cse.subscription.SubscriptionExtension;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.model.CseClient;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.oneedge.store.jdbc.JdbcResourceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running OneEdge node wired from a {@link NodeConfig}: store, CSE engine, HTTP binding and, when enabled, the
 * MEC platform. Closing it stops them in reverse order of start.
 *
 * <pre>
 *   start:  store -> HTTP binding (port bound, CSE not yet attached) -> CSE (poa = bound URL) -> attach -> MEC
 *   close:  HTTP binding -> MEC platform -> CSE -> remote sender -> store
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
    private MecNode mec;

    private OneEdgeNode(NodeConfig config) {
        this.config = config;
    }

    /** Starts every component of the node; on failure, whatever started is closed again. */
    public static OneEdgeNode start(NodeConfig config) {
        return start(config, false);
    }

    /** As {@link #start(NodeConfig)}, plus a bare HTTP handler on the same server stack for benchmark baselines. */
    public static OneEdgeNode start(NodeConfig config, boolean withBaselineHandler) {
        OneEdgeNode node = new OneEdgeNode(config);
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
        AtomicReference<Cse> attached = new AtomicReference<>();
        CseClient gate = request -> {
            Cse c = attached.get();
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
        AccessControlExtension accessControl = new AccessControlExtension();
        cse = Cse.builder()
                .config(cseConfig(http.baseUrl()))
                .store(store)
                .remoteSender(remoteSender)
                .extension(accessControl)
                .extension(new SubscriptionExtension(accessControl::checker))
                .build();
        cse.start();
        attached.set(cse);
        if (withBaselineHandler) {
            baseline = HttpBindingServer.bare(httpConfig.toBuilder().port(0).build(), BaselineBody.laSized());
            baseline.start();
        }
        listeners.add(new Listener(config.cseType() + "-CSE " + config.cseId() + " (" + config.cseBaseName() + ")",
                cseBaseUrl()));
        if (config.mecEnabled()) {
            mec = MecNode.start(config.httpHost(), config.mecPort(), config.mecScenario());
            listeners.addAll(mec.listeners());
        }
        log.info("{}-CSE {} ({}) started: http {} store {}", config.cseType(), config.cseId(), config.cseBaseName(),
                cseBaseUrl(), describeStore());
    }

    private CseConfig cseConfig(String pointOfAccess) {
        return CseConfig.defaults()
                .withCseId(config.cseId())
                .withCseBaseName(config.cseBaseName())
                .withSpId(config.spId())
                .withCseType(CseType.valueOf(config.cseType().name()))
                .withAdminOriginator(config.adminOriginator())
                .withSupportedReleaseVersions(config.releaseVersions())
                .withPointOfAccess(List.of(pointOfAccess));
    }

    private ResourceStore openStore() {
        return switch (config.storeType()) {
            case MEMORY -> new InMemoryResourceStore();
            case H2 -> JdbcResourceStore.h2File(config.dataDir().toAbsolutePath().normalize());
            case POSTGRES -> JdbcResourceStore.postgres(config.postgresUrl(), config.postgresUser(),
                    config.postgresPassword());
        };
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

    /** The node's store, for benchmark fills that skip the request path on purpose. */
    public ResourceStore store() {
        return store;
    }

    /** The CSE in this JVM, for callers that skip the network. */
    public CseClient cse() {
        return cse;
    }

    @Override
    public void close() {
        boolean wasRunning = cse != null;
        // HTTP first (no new requests), then the CSE (background work), then the store; each only if it started.
        closeQuietly(baseline);
        closeQuietly(http);
        closeQuietly(mec);
        closeQuietly(cse);
        closeQuietly(remoteSender);
        closeQuietly(store);
        baseline = null;
        http = null;
        mec = null;
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
