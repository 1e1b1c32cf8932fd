package org.oneedge.app.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.interworking.ipe.MecIpe;
import org.oneedge.interworking.ipe.MecIpeConfig;
import org.oneedge.interworking.mecapp.MecAppRegistration;
import org.oneedge.interworking.mecapp.MecAppRegistrationConfig;
import org.oneedge.interworking.mecapp.MecServiceKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A oneM2M/MEC deployment option on one edge node: the CSE and the MEC platform side by side, the CSE registered as
 * a MEC application on the first MEC host (MEC 011, MEC 033) and the MEC IPE mirroring RNIS, Location and host
 * metrics into it. Option C keeps the CSE to itself; option D also publishes it as the MEC service
 * {@code oneM2M-CSE-<csi>} (category {@code oneM2M}) so other MEC applications discover it. Options A and B are not
 * available yet.
 *
 * <pre>
 *   start:  OneEdgeNode (store, bindings, CSE, MEC platform) -> MecAppRegistration (host view) -> MecIpe
 *   close:  MecIpe -> MecAppRegistration (withdraw, deregister) -> OneEdgeNode
 * </pre>
 */
public final class EdgeDeployment implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EdgeDeployment.class);

    /** The deployment options of {@code oneedge run --deployment}. */
    public enum Option {
        A("CSE in the cloud, MEC apart"),
        B("MN-CSE on the edge registered to the cloud, MEC apart"),
        C("CSE and MEC on the same edge node: MN-CSE as MEC application plus the MEC IPE"),
        D("as C, and the CSE offered as a MEC service in the MEC 011 registry");

        private final String description;

        Option(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        public boolean available() {
            return this == C || this == D;
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
    private OneEdgeNode node;
    private MecAppRegistration registration;
    private MecIpe ipe;

    private EdgeDeployment(Option option) {
        this.option = option;
    }

    /** Starts option C or D from a node configuration that has {@code mec.enabled}; undoes everything on failure. */
    public static EdgeDeployment start(NodeConfig config, Option option) {
        if (!option.available()) {
            throw new IllegalArgumentException("deployment option " + option + " (" + option.description()
                    + ") is not yet available; use C or D");
        }
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
        node = OneEdgeNode.start(config);
        listeners.addAll(node.listeners());
        MecNode mec = node.mecNode();
        String mecHost = mec.hostNames().getFirst();
        String platformUrl = mec.baseUrl() + "/" + mecHost;
        String mqtt = node.pointsOfAccess().stream().filter(p -> p.startsWith("mqtt://")).findFirst().orElse(null);
        registration = new MecAppRegistration(MecAppRegistrationConfig.builder()
                .platformUrl(platformUrl)
                .cseId(config.cseId()).cseBaseName(config.cseBaseName())
                .httpPointOfAccess(node.httpUrl()).mqttPointOfAccess(mqtt)
                .offerAsMecService(option == Option.D)
                .callbackHost(config.httpHost())
                .build()).start();
        listeners.add(new Listener("MEC application " + registration.appInstanceId() + " (CSE " + config.cseId()
                + " on MEC host " + mecHost + ", IoT platform " + registration.iotPlatform().iotPlatformId() + ")",
                platformUrl));
        registration.service().ifPresent(s -> listeners.add(new Listener("MEC service " + s.serName()
                + " (category oneM2M)", platformUrl + "/mec_service_mgmt/v1/services?ser_name=" + s.serName())));
        ipe = newIpe(config);
        registration.addTerminationListener(action -> {
            log.warn("The MEC platform ended the CSE's MEC application ({}); the MEC IPE stops", action);
            stopIpe();
        });
        registration.services().addListener((kind, url) -> {
            if (kind != MecServiceKind.AMS) {
                restartIpe(config, kind, url.orElse("none"));
            }
        });
        listeners.add(new Listener("MEC IPE " + "(MEC hosts, UEs, cells as oneM2M resources)",
                node.cseBaseUrl().substring(0, node.cseBaseUrl().length() - config.cseBaseName().length())
                        + ipe.rootPath()));
        log.info("Deployment option {} running: {}", option, option.description());
    }

    private MecIpe newIpe(NodeConfig config) {
        return new MecIpe(node.cse(), MecIpeConfig.builder()
                .cseBaseName(config.cseBaseName())
                .rnisUrl(registration.services().url(MecServiceKind.RNIS).orElse(null))
                .locationUrl(registration.services().url(MecServiceKind.LOCATION).orElse(null))
                .metricsUrl(registration.services().url(MecServiceKind.METRICS).orElse(null))
                .callbackHost(config.httpHost())
                .build()).start();
    }

    /** A MEC service the IPE reads moved (MEC 011 availability notification): mirror from the new endpoints. */
    private synchronized void restartIpe(NodeConfig config, MecServiceKind kind, String url) {
        if (ipe == null) {
            return;
        }
        log.info("MEC service {} now at {}; the MEC IPE restarts on the new endpoints", kind, url);
        ipe.close();
        try {
            ipe = newIpe(config);
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

    /** One line of the map: the CSE and how it sits on MEC. */
    public List<String> map() {
        List<String> lines = new ArrayList<>();
        lines.add(node.mapLine());
        lines.add("deployment " + option + ": " + option.description());
        return lines;
    }

    /** The CSE node. */
    public OneEdgeNode node() {
        return node;
    }

    @Override
    public void close() {
        stopIpe();
        if (registration != null) {
            registration.close();
        }
        if (node != null) {
            node.close();
        }
        registration = null;
        node = null;
    }
}
