package org.oneedge.app.node;

import com.fasterxml.jackson.databind.JsonNode;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.mec.platform.lcm.AppInstanceDeployment;
import org.oneedge.mec.platform.lcm.AppInstantiator;
import org.oneedge.mec.platform.lcm.TrackingAppInstantiator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a OneEdge MN-CSE when MEC 010-2 instantiates its application package (ETSI GS MEC 010-2 7.x app lifecycle):
 * the MN-CSE starts in this JVM and registers to the CSE hosting the MEC platform, like any other MN-CSE of a
 * topology (TS-0001 10.2.2.7); operate STOPPED/STARTED stops and restarts it, terminate stops it and it deregisters.
 * Packages that are not a OneEdge MN-CSE go to the fallback instantiator. The MEC platform does not know what it runs:
 * this class lives in the app, which sees both sides.
 *
 * <p>A package is a OneEdge MN-CSE when its AppD has {@code appProvider} {@value #APP_PROVIDER} and {@code appName}
 * {@value #APP_NAME}; the package's {@code userDefinedData} names the CSE:
 * <pre>{@code
 * {"appD": {"appDId": "oneedge-mn-cse-3", "appName": "oneedge-mn-cse", "appProvider": "OneEdge",
 *           "appSoftVersion": "0.1.0", ...},
 *  "cseId": "/id-mn3", "cseBaseName": "cse-mn3", "httpPort": 0}
 * }</pre>
 * {@code httpPort} is optional (0 = a free port). The MN-CSE keeps the registrar node's store kind, MQTT and release
 * settings and gets its data directory {@code <data-dir>/<cseId without '/'>}.
 */
public final class MnCseInstantiator implements AppInstantiator, AutoCloseable {

    public static final String APP_PROVIDER = "OneEdge";
    public static final String APP_NAME = "oneedge-mn-cse";
    private static final Logger LOG = LoggerFactory.getLogger(MnCseInstantiator.class);

    /** One instantiated MN-CSE: its configuration and, while started, the running node. */
    private static final class Instance {
        final NodeConfig config;
        OneEdgeNode node;

        Instance(NodeConfig config) {
            this.config = config;
        }
    }

    private final NodeConfig registrar;
    private final String registrarUrl;
    private final AppInstantiator fallback;
    private final Map<String, Instance> instances = new ConcurrentHashMap<>();

    /**
     * @param registrar    configuration of the CSE the MN-CSEs register to (the node running the MEC platform)
     * @param registrarUrl its HTTP base URL, e.g. {@code http://127.0.0.1:8080}
     */
    public MnCseInstantiator(NodeConfig registrar, String registrarUrl) {
        this(registrar, registrarUrl, new TrackingAppInstantiator());
    }

    public MnCseInstantiator(NodeConfig registrar, String registrarUrl, AppInstantiator fallback) {
        this.registrar = registrar;
        this.registrarUrl = registrarUrl;
        this.fallback = fallback;
    }

    /** Whether the deployment's package is a OneEdge MN-CSE. */
    public static boolean isMnCse(AppInstanceDeployment app) {
        JsonNode appD = app.appDescriptor();
        String provider = appD == null ? app.appProvider() : appD.path("appProvider").asText(app.appProvider());
        String name = appD == null ? app.appName() : appD.path("appName").asText(app.appName());
        return APP_PROVIDER.equals(provider) && APP_NAME.equals(name);
    }

    @Override
    public void instantiate(AppInstanceDeployment app) {
        if (!isMnCse(app)) {
            fallbackCall(() -> fallback.instantiate(app));
            return;
        }
        NodeConfig config = configOf(app);
        for (Instance other : instances.values()) {
            if (other.config.cseId().equals(config.cseId())) {
                throw new IllegalArgumentException("an MN-CSE " + config.cseId() + " is already instantiated");
            }
        }
        Instance instance = new Instance(config);
        if (instances.putIfAbsent(app.appInstanceId(), instance) != null) {
            throw new IllegalStateException("app instance " + app.appInstanceId() + " is already instantiated");
        }
        try {
            startNode(app, instance);
        } catch (RuntimeException e) {
            instances.remove(app.appInstanceId());
            throw e;
        }
    }

    @Override
    public void start(AppInstanceDeployment app) {
        Instance instance = instances.get(app.appInstanceId());
        if (instance == null) {
            fallbackCall(() -> fallback.start(app));
            return;
        }
        startNode(app, instance);
    }

    @Override
    public void stop(AppInstanceDeployment app) {
        Instance instance = instances.get(app.appInstanceId());
        if (instance == null) {
            fallbackCall(() -> fallback.stop(app));
            return;
        }
        stopNode(app, instance);
    }

    @Override
    public void terminate(AppInstanceDeployment app) {
        Instance instance = instances.remove(app.appInstanceId());
        if (instance == null) {
            fallbackCall(() -> fallback.terminate(app));
            return;
        }
        stopNode(app, instance);
    }

    /** The running MN-CSE of an app instance, if it is one and started. */
    public OneEdgeNode node(String appInstanceId) {
        Instance instance = instances.get(appInstanceId);
        synchronized (instance == null ? this : instance) {
            return instance == null ? null : instance.node;
        }
    }

    private void startNode(AppInstanceDeployment app, Instance instance) {
        synchronized (instance) {
            if (instance.node == null) {
                instance.node = OneEdgeNode.start(instance.config);
                LOG.info("MN-CSE {} ({}) started for app instance {} on MEC host {}, registering to {} at {}",
                        instance.config.cseId(), instance.config.cseBaseName(), app.appInstanceId(), app.hostName(),
                        registrar.cseId(), registrarUrl);
            }
        }
    }

    private void stopNode(AppInstanceDeployment app, Instance instance) {
        synchronized (instance) {
            if (instance.node != null) {
                instance.node.close();
                instance.node = null;
                LOG.info("MN-CSE {} stopped for app instance {}", instance.config.cseId(), app.appInstanceId());
            }
        }
    }

    /** The MN-CSE's node configuration from the package's userDefinedData; IllegalArgumentException if invalid. */
    private NodeConfig configOf(AppInstanceDeployment app) {
        JsonNode data = app.userDefinedData();
        String cseId = data == null ? "" : data.path("cseId").asText("");
        String cseBaseName = data == null ? "" : data.path("cseBaseName").asText("");
        int port = data == null ? 0 : data.path("httpPort").asInt(0);
        if (!cseId.matches("/[A-Za-z0-9._~-]+")) {
            throw new IllegalArgumentException("package userDefinedData.cseId must be an SP-relative CSE-ID such as "
                    + "/id-mn3, was '" + cseId + "'");
        }
        if (!cseBaseName.matches("[A-Za-z0-9._~-]+")) {
            throw new IllegalArgumentException("package userDefinedData.cseBaseName must be a resource name such as "
                    + "cse-mn3, was '" + cseBaseName + "'");
        }
        if (cseId.equals(registrar.cseId())) {
            throw new IllegalArgumentException("the MN-CSE cannot have its registrar's CSE-ID " + cseId);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("package userDefinedData.httpPort must be 0..65535, was " + port);
        }
        return registrar.asNode(cseId, cseBaseName, NodeConfig.CseKind.MN, port,
                        registrar.dataDir().resolve(cseId.substring(1)))
                .withRegistrar(registrar.cseId(), registrar.cseBaseName(), List.of(registrarUrl));
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void fallbackCall(Call call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Stops every MN-CSE still running (the platform is going down). */
    @Override
    public void close() {
        for (Map.Entry<String, Instance> e : instances.entrySet()) {
            synchronized (e.getValue()) {
                if (e.getValue().node != null) {
                    e.getValue().node.close();
                    e.getValue().node = null;
                }
            }
        }
        instances.clear();
    }
}
