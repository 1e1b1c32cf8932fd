package org.oneedge.app.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.oneedge.app.federation.RunFederation;
import org.oneedge.app.node.Listener;
import org.oneedge.app.node.MqttDeviceGateway;
import org.oneedge.binding.http.HttpCseClient;
import org.oneedge.interworking.location.NetworkLocationConfig;
import org.oneedge.interworking.location.NetworkLocationProvider;
import org.oneedge.interworking.mcaproxy.McaProxy;
import org.oneedge.interworking.mcaproxy.McaProxyConfig;
import org.oneedge.interworking.mecapp.MecAppRegistration;
import org.oneedge.interworking.mecapp.MecAppRegistrationConfig;
import org.oneedge.model.CseClient;

/**
 * Starts the add-ons of a topology ({@link AddOnSpec}) against started CSE nodes and MEC platforms, remembering the
 * MEC applications so a {@code mec-ipe} listed after one runs in it; each start returns what to close and the lines
 * to print.
 */
public final class AddOnLauncher {

    /** A started add-on: what stops it, and where it listens. */
    public record Started(AutoCloseable closer, List<Listener> listeners) {
        public Started {
            listeners = List.copyOf(listeners);
        }
    }

    private final Function<String, StartedCse> cses;
    private final Function<String, StartedMec> mecs;
    private final Map<String, MecAppRegistration> applications = new HashMap<>();

    /**
     * @param cses CSE node by topology name
     * @param mecs MEC platform by topology name (a {@code mec-platforms} entry or a CSE node with MEC)
     */
    public AddOnLauncher(Function<String, StartedCse> cses, Function<String, StartedMec> mecs) {
        this.cses = cses;
        this.mecs = mecs;
    }

    public Started start(AddOnSpec spec) {
        StartedCse cse = cses.apply(spec.cse());
        return switch (spec) {
            case AddOnSpec.MecApplication app -> mecApplication(app, cse);
            case AddOnSpec.MecIpe ipe -> mecIpe(ipe, cse);
            case AddOnSpec.MqttDevices devices -> mqttDevices(devices, cse);
            case AddOnSpec.McaProxy proxy -> mcaProxy(proxy, cse);
            case AddOnSpec.NetworkLocation location -> networkLocation(location, cse);
            case AddOnSpec.Federation federation -> federation(federation, cse);
        };
    }

    private Started mecApplication(AddOnSpec.MecApplication spec, StartedCse cse) {
        StartedMec mec = mecs.apply(spec.mec());
        String platformUrl = mec.hostView(spec.mecHost());
        MecAppRegistration registration = new MecAppRegistration(MecAppRegistrationConfig.builder()
                .platformUrl(platformUrl)
                .appName(spec.appName()).appInstanceId(spec.appInstanceId())
                .cseId(cse.config().cseId()).cseBaseName(cse.config().cseBaseName())
                .httpPointOfAccess(cse.httpUrl()).mqttPointOfAccess(cse.mqttPointOfAccess())
                .offerAsMecService(spec.offerCseAsService())
                .callbackHost(cse.config().httpHost())
                .build()).start();
        applications.put(spec.name(), registration);
        String appName = registration.config().appName();
        String role = appName.equals("oneM2M-CSE-" + cse.config().cseId().substring(1)) ? "CSE " + cse.config().cseId()
                : appName + " for CSE " + cse.config().cseId();
        List<Listener> lines = new ArrayList<>(List.of(new Listener("MEC application " + registration.appInstanceId()
                + " (" + role + " on MEC host " + platformUrl.substring(mec.baseUrl().length() + 1) + ", IoT platform "
                + registration.iotPlatform().iotPlatformId() + ")", platformUrl)));
        registration.service().ifPresent(s -> lines.add(new Listener("MEC service " + s.serName()
                + " (category oneM2M)", platformUrl + "/mec_service_mgmt/v1/services?ser_name=" + s.serName())));
        return new Started(registration, lines);
    }

    private Started mecIpe(AddOnSpec.MecIpe spec, StartedCse cse) {
        MecAppRegistration registration = applications.get(spec.application());
        HttpCseClient remote = spec.overHttp() ? new HttpCseClient(cse.httpUrl()) : null;
        CseClient client = remote != null ? remote : cse.client();
        SupervisedMecIpe ipe;
        try {
            ipe = new SupervisedMecIpe(client, cse.config().cseBaseName(), cse.config().httpHost(), registration)
                    .start();
        } catch (RuntimeException e) {
            if (remote != null) {
                remote.close();
            }
            throw e;
        }
        String root = cse.httpUrl() + "/" + ipe.rootPath();
        return new Started(() -> {
            ipe.close();
            if (remote != null) {
                remote.close();
            }
        }, List.of(new Listener("MEC IPE (MEC hosts, UEs, cells as oneM2M resources" + (spec.overHttp()
                ? ", written over HTTP" : "") + ")", root)));
    }

    private Started mqttDevices(AddOnSpec.MqttDevices spec, StartedCse cse) {
        if (!cse.config().mqttEnabled()) {
            throw new IllegalArgumentException("add-on mqtt-devices: CSE " + cse.config().cseId()
                    + " does not serve MQTT (mqtt.enabled: true in its config)");
        }
        List<String> apps = spec.applications().isEmpty() ? List.of(cse.config().cseId() + "/C*")
                : spec.applications();
        MqttDeviceGateway gateway = MqttDeviceGateway.start(cse.config(), cse.client(), cse.cseBaseUrl(), apps);
        return new Started(gateway, List.of(gateway.listener()));
    }

    private Started mcaProxy(AddOnSpec.McaProxy spec, StartedCse cse) {
        String mecUrl = spec.mec() == null ? null : mecs.apply(spec.mec()).hostView(null);
        McaProxy proxy = new McaProxy(McaProxyConfig.builder().registrarCseId(cse.config().cseId())
                .registrarPoa(cse.httpUrl()).httpHost(cse.config().httpHost()).httpPort(spec.port())
                .tokens(Set.copyOf(spec.tokens())).mecPlatformUrl(mecUrl).build()).start();
        return new Started(proxy, List.of(new Listener("Mca proxy for " + cse.config().cseId() + " ("
                + (spec.tokens().isEmpty() ? "no proxy token checked" : "Proxy-Authorization: Bearer <token>")
                + (mecUrl == null ? "" : ", MEC service " + proxy.config().serviceName()) + ")",
                proxy.httpUrl().orElseThrow())));
    }

    private Started networkLocation(AddOnSpec.NetworkLocation spec, StartedCse cse) {
        String locationUrl = mecs.apply(spec.mec()).baseUrl() + "/location/v3";
        NetworkLocationProvider provider = new NetworkLocationProvider(NetworkLocationConfig.builder()
                .cseBaseName(cse.config().cseBaseName()).originator(cse.config().adminOriginator())
                .locationUrl(locationUrl).build(), cse.client()).start();
        return new Started(provider, List.of(new Listener("Network location provider for " + cse.config().cseId()
                + " (locationPolicy los=1) reading MEC 013", locationUrl)));
    }

    private Started federation(AddOnSpec.Federation spec, StartedCse in) {
        List<StartedCse> members = new ArrayList<>();
        members.add(in);
        spec.members().stream().filter(m -> !m.equals(spec.cse())).map(cses).forEach(members::add);
        StartedMec mec = spec.mec() == null ? null : mecs.apply(spec.mec());
        java.time.Duration beat = spec.heartbeat() == null ? RunFederation.DEFAULT_HEARTBEAT : spec.heartbeat();
        RunFederation federation = RunFederation.start(in, members, mec, beat);
        String base = in.httpUrl() + "/" + federation.registryPath();
        return new Started(federation, List.of(new Listener("Federation registry (" + federation.registry().nodes()
                .size() + " members, heartbeat " + beat.toSeconds() + " s; ranking: POST oe:fedRankReq here)", base)));
    }
}
