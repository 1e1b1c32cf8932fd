package org.oneedge.app.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.topology.Topology;
import org.oneedge.binding.http.HttpCseClient;
import org.oneedge.interworking.ipe.MecIpe;
import org.oneedge.interworking.ipe.MecIpeConfig;
import org.oneedge.interworking.mecapp.MecAppRegistration;
import org.oneedge.interworking.mecapp.MecAppRegistrationConfig;
import org.oneedge.interworking.mecapp.MecServiceKind;
import org.oneedge.model.CseClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The oneM2M/MEC deployment options of {@code oneedge run --deployment A|B|C|D}, each a small topology built from one
 * node configuration. In every option a MEC application registered on the first MEC host (MEC 011, MEC 033 IoT
 * platform = the CSE the devices reach) hosts the MEC IPE, which mirrors RNIS, Location and host metrics into that
 * CSE; where that CSE serves MQTT, the MQTT-JSON device IPE ({@link MqttDeviceGateway}) runs next to it.
 *
 * <pre>
 *   option  cloud                       edge node 1                        edge node 2
 *   A       IN-CSE /id-in  &lt;──MEC IPE── MEC platform + MEC IPE app
 *   B       IN-CSE /id-in  &lt;──Mcc──     MN-CSE /id-mn1  &lt;──MEC IPE──    MEC platform + MEC IPE app
 *   C                                   MN-CSE /id-mn1 as MEC app + MEC platform + MEC IPE
 *   D                                   as C, the CSE also published as MEC service oneM2M-CSE-id-mn1
 *
 *   start:  CSE node(s) (Topology for A/B, one OneEdgeNode for C/D) -> [MEC platform node (A/B)]
 *           -> MecAppRegistration (host view) -> MecIpe -> [MqttDeviceGateway]
 *   close:  in reverse
 * </pre>
 * In A and B the MEC IPE reaches its CSE over HTTP (another node); in C and D through the CSE in the same process.
 */
public final class EdgeDeployment implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EdgeDeployment.class);

    /** The deployment options of {@code oneedge run --deployment}. */
    public enum Option {
        A("CSE in the cloud, MEC at the edge: IN-CSE /id-in, the MEC platform on an edge node with the MEC IPE as "
                + "MEC application mirroring MEC information into the IN-CSE; devices reach the IN-CSE"),
        B("separate edge nodes: MN-CSE /id-mn1 (registered to the IN-CSE /id-in) on one edge node, the MEC platform "
                + "on another, the MEC IPE as MEC application bridging them; devices reach the MN-CSE"),
        C("CSE and MEC on the same edge node: MN-CSE as MEC application plus the MEC IPE"),
        D("as C, and the CSE offered as a MEC service in the MEC 011 registry");

        private final String description;

        Option(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        /** Whether the CSE and the MEC platform run on separate nodes (A, B). */
        public boolean separateNodes() {
            return this == A || this == B;
        }

        /** Parses {@code A}..{@code D}, case-insensitively. */
        public static Option parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--deployment must be A, B, C or D, got '" + value + "'", e);
            }
        }
    }

    private final Option option;
    private final List<Listener> listeners = new ArrayList<>();
    private final List<String> map = new ArrayList<>();
    private Topology topology;
    private OneEdgeNode node;
    private MecNode separateMec;
    private OneEdgeNode target;
    private CseClient ipeClient;
    private HttpCseClient remoteClient;
    private MecAppRegistration registration;
    private MecIpe ipe;
    private MqttDeviceGateway devices;

    private EdgeDeployment(Option option) {
        this.option = option;
    }

    /**
     * Starts an option from a node configuration that has {@code mec.enabled}: for C and D it is the MN-CSE's, for
     * A and B the IN-CSE's (B adds MN-CSE /id-mn1 on the next port, as {@code oneedge run --mns 1} does); the MEC
     * platform uses {@code mec.port} and {@code mec.scenario}. Undoes everything on failure.
     */
    public static EdgeDeployment start(NodeConfig config, Option option) {
        if (!config.mecEnabled()) {
            throw new IllegalArgumentException("deployment option " + option + " needs the MEC platform (mec.enabled)");
        }
        EdgeDeployment deployment = new EdgeDeployment(option);
        try {
            deployment.startComponents(config);
            return deployment;
        } catch (RuntimeException e) {
            deployment.close();
            throw e;
        }
    }

    private void startComponents(NodeConfig config) {
        MecNode mec;
        if (option.separateNodes()) {
            NodeConfig cloud = config.asNode(config.cseId(), config.cseBaseName(), config.cseType(), config.httpPort(),
                    config.dataDir());   // the same node without MEC: MEC runs on an edge node of its own
            topology = Topology.start(cloud, option == Option.B ? 1 : 0, config.mqttEnabled());
            listeners.addAll(topology.listeners());
            map.addAll(topology.map());
            target = topology.nodes().getLast();
            separateMec = MecNode.start(config.httpHost(), config.mecPort(), config.mecScenario());
            listeners.addAll(separateMec.listeners());
            mec = separateMec;
            map.add(String.format("%-7s %-9s %-9s %s  hosts: %s", "MEC", "-", "-", separateMec.baseUrl(),
                    String.join(" ", separateMec.hostNames())));
            remoteClient = new HttpCseClient(target.httpUrl());
            ipeClient = remoteClient;
        } else {
            node = OneEdgeNode.start(config);
            listeners.addAll(node.listeners());
            map.add(node.mapLine());
            target = node;
            mec = node.mecNode();
            ipeClient = node.cse();
        }
        NodeConfig cse = target.config();
        String mecHost = mec.hostNames().getFirst();
        String platformUrl = mec.baseUrl() + "/" + mecHost;
        String mqtt = target.pointsOfAccess().stream().filter(p -> p.startsWith("mqtt://")).findFirst().orElse(null);
        registration = new MecAppRegistration(MecAppRegistrationConfig.builder()
                .platformUrl(platformUrl)
                .appName(option.separateNodes() ? "oneM2M-MEC-IPE-" + cse.cseId().substring(1) : null)
                .cseId(cse.cseId()).cseBaseName(cse.cseBaseName())
                .httpPointOfAccess(target.httpUrl()).mqttPointOfAccess(mqtt)
                .offerAsMecService(option == Option.D)
                .callbackHost(cse.httpHost())
                .build()).start();
        listeners.add(new Listener("MEC application " + registration.appInstanceId() + " ("
                + (option.separateNodes() ? "MEC IPE for CSE " : "CSE ") + cse.cseId() + " on MEC host " + mecHost
                + ", IoT platform " + registration.iotPlatform().iotPlatformId() + ")", platformUrl));
        registration.service().ifPresent(s -> listeners.add(new Listener("MEC service " + s.serName()
                + " (category oneM2M)", platformUrl + "/mec_service_mgmt/v1/services?ser_name=" + s.serName())));
        ipe = newIpe(cse);
        registration.addTerminationListener(action -> {
            log.warn("The MEC platform ended the MEC application ({}); the MEC IPE stops", action);
            stopIpe();
        });
        registration.services().addListener((kind, url) -> {
            if (kind != MecServiceKind.AMS) {
                restartIpe(cse, kind, url.orElse("none"));
            }
        });
        listeners.add(new Listener("MEC IPE " + "(MEC hosts, UEs, cells as oneM2M resources)",
                target.cseBaseUrl().substring(0, target.cseBaseUrl().length() - cse.cseBaseName().length())
                        + ipe.rootPath()));
        if (cse.mqttEnabled()) {
            List<String> applications = new ArrayList<>(List.of(cse.cseId() + "/C*"));
            if (cse.hasRegistrar()) {
                applications.add(cse.registrarCseId() + "/C*");   // B: applications at the IN-CSE
            }
            devices = MqttDeviceGateway.start(target, applications);
            listeners.add(devices.listener());
        }
        map.add("deployment " + option + ": " + option.description());
        log.info("Deployment option {} running: {}", option, option.description());
    }

    private MecIpe newIpe(NodeConfig cse) {
        return new MecIpe(ipeClient, MecIpeConfig.builder()
                .cseBaseName(cse.cseBaseName())
                .rnisUrl(registration.services().url(MecServiceKind.RNIS).orElse(null))
                .locationUrl(registration.services().url(MecServiceKind.LOCATION).orElse(null))
                .metricsUrl(registration.services().url(MecServiceKind.METRICS).orElse(null))
                .callbackHost(cse.httpHost())
                .build()).start();
    }

    /** A MEC service the IPE reads moved (MEC 011 availability notification): mirror from the new endpoints. */
    private synchronized void restartIpe(NodeConfig cse, MecServiceKind kind, String url) {
        if (ipe == null) {
            return;
        }
        log.info("MEC service {} now at {}; the MEC IPE restarts on the new endpoints", kind, url);
        ipe.close();
        try {
            ipe = newIpe(cse);
        } catch (RuntimeException e) {
            ipe = null;
            log.warn("The MEC IPE could not restart after {} moved: {}", kind, e.toString());
        }
    }

    private synchronized void stopIpe() {
        if (ipe != null) {
            ipe.close();
            ipe = null;
        }
    }

    /** Where the deployment listens, one entry per server or published resource. */
    public List<Listener> listeners() {
        return List.copyOf(listeners);
    }

    /** The map: one line per CSE node (and the MEC node in A and B), then the option. */
    public List<String> map() {
        return List.copyOf(map);
    }

    /** The CSE the MEC IPE mirrors into and the devices reach (IN-CSE in A, MN-CSE in B, C and D). */
    public OneEdgeNode node() {
        return target;
    }

    /** The MQTT-JSON device IPE, or null when the CSE serves no MQTT. */
    public MqttDeviceGateway devices() {
        return devices;
    }

    @Override
    public void close() {
        if (devices != null) {
            devices.close();
            devices = null;
        }
        stopIpe();
        if (registration != null) {
            registration.close();
            registration = null;
        }
        if (remoteClient != null) {
            remoteClient.close();
            remoteClient = null;
        }
        ipeClient = null;
        if (separateMec != null) {
            separateMec.close();
            separateMec = null;
        }
        if (topology != null) {
            topology.close();
            topology = null;
        }
        if (node != null) {
            node.close();
            node = null;
        }
        target = null;
    }
}
