package org.oneedge.app.handover;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.oneedge.handover.HandoverCoordinator;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.transaction.HandoverTransaction;
import org.oneedge.handover.transaction.TransactionState;
import org.oneedge.interworking.callback.MecCallbackReceiver;
import org.oneedge.mec.api.ams.AmsClient;
import org.oneedge.mec.api.ams.AppMobilityServiceLevel;
import org.oneedge.mec.api.ams.DeviceInformation;
import org.oneedge.mec.api.ams.MobilityProcedureNotification;
import org.oneedge.mec.api.ams.MobilityProcedureSubscription;
import org.oneedge.mec.api.ams.MobilityStatus;
import org.oneedge.mec.api.ams.RegistrationInfo;
import org.oneedge.mec.api.common.MecJson;
import org.oneedge.mec.api.location.LocationClient;
import org.oneedge.mec.api.location.UserInfo;
import org.oneedge.mec.api.location.ZoneInfo;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The minimal MEC-assisted trigger of {@code oneedge run} (HANDOVER.md "Triggers" 1): every UE of the emulated
 * scenario is an AE (e.g. {@code Cue-10.0.0.1}) served by the MN-CSE of its MEC host ({@code mec-host-k} ↔
 * {@code /id-mnk}); the MN-CSEs are application instances {@code oneedge-cse@mec-host-k} registered with MEC 021 AMS,
 * each for the devices it serves. On {@code INTERHOST_MOVEOUT_TRIGGERED} the coordinator moves the AE to the MN-CSE
 * of the target instance; the transfer is then reported to AMS and the device registered with the target instance.
 * One log line per handover with its figures. Talks to the MEC platform only through the mec-api clients.
 *
 * <pre>
 *   MEC 013 users + host-view zones ──► initial MN-CSE per UE ──► AE registered, registry entry
 *   MEC 021 AMS ── MobilityProcedureNotification(TRIGGERED, target instance) ──► HandoverCoordinator.handover
 *        ◄── PUT registration (contextTransferState COMPLETED), device moved to the target's registration
 * </pre>
 */
public final class AmsHandoverDriver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AmsHandoverDriver.class);
    /** The application all MN-CSE instances belong to (AMS appDId by convention: the part before '@'). */
    static final String APP = "oneedge-cse";

    private final String mecUrl;
    private final Map<String, String> cseOfHost;
    private final Map<String, CseClient> fronts;
    private final Map<String, String> bases;
    private final ServingRegistry registry;
    private final TimedServingRegistry timed;
    private final HandoverCoordinator coordinator;
    private final RunHandovers handovers;
    private final ObjectMapper mapper = MecJson.newObjectMapper();
    private final Map<String, String> aeOfDevice = new ConcurrentHashMap<>();
    private final Map<String, String> registrationOfHost = new LinkedHashMap<>();
    private final Map<String, String> hostOfCse = new LinkedHashMap<>();
    private final AtomicLong txids = new AtomicLong();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private MecCallbackReceiver receiver;
    private String subscription;
    private final HandoverRequestWatcher requests;

    /**
     * @param mecUrl    base URL of the MEC platform, e.g. {@code http://127.0.0.1:8090}
     * @param cseOfHost MN-CSE-ID per MEC host name; hosts without one keep their devices where they are
     * @param fronts    the MN-CSEs' request fronts, by CSE-ID (to register the AEs)
     * @param bases     CSEBase names by CSE-ID
     * @param handovers the handover wiring of the topology
     */
    public AmsHandoverDriver(String mecUrl, Map<String, String> cseOfHost, Map<String, CseClient> fronts,
                             Map<String, String> bases, RunHandovers handovers) {
        this.mecUrl = mecUrl;
        this.cseOfHost = Map.copyOf(cseOfHost);
        this.fronts = Map.copyOf(fronts);
        this.bases = Map.copyOf(bases);
        this.registry = handovers.registry();
        this.timed = new TimedServingRegistry(registry);
        this.coordinator = handovers.coordinator(timed);
        this.handovers = handovers;
        cseOfHost.forEach((host, cse) -> hostOfCse.put(cse, host));
        this.requests = new HandoverRequestWatcher(handovers.requestsAtIn(), RunHandovers.REGISTRY_PATH, registry,
                (aeId, cseId) -> handovers.node(cseId).map(n -> n.hosts(aeId)).orElse(false), this::requested,
                HandoverRequestWatcher.DEFAULT_POLL);
    }

    /**
     * Ends the handovers the last run left unfinished ({@link RunHandovers#recover}), then subscribes to AMS and
     * registers the scenario's UEs as AEs at the MN-CSE of their MEC host.
     */
    public synchronized AmsHandoverDriver start() {
        handovers.recover(coordinator);
        receiver = new MecCallbackReceiver("127.0.0.1", 0);
        receiver.start();
        String callback = receiver.register("/ams", this::onNotification);
        subscription = AmsClient.of(mecUrl + "/amsi/v1").subscribe(MobilityProcedureSubscription.of(callback, null,
                null, List.of(MobilityStatus.INTERHOST_MOVEOUT_TRIGGERED))).links().self().href();
        Map<String, String> hostOfZone = new LinkedHashMap<>();
        for (String host : cseOfHost.keySet()) {
            for (ZoneInfo zone : LocationClient.of(mecUrl + "/" + host + "/location/v3").zones().zone()) {
                hostOfZone.put(zone.zoneId(), host);
            }
        }
        String firstHost = cseOfHost.keySet().iterator().next();
        Map<String, List<DeviceInformation>> devicesOfHost = new LinkedHashMap<>();
        cseOfHost.keySet().forEach(h -> devicesOfHost.put(h, new ArrayList<>()));
        for (UserInfo user : LocationClient.of(mecUrl + "/location/v3").users(null, null, null).user()) {
            String host = hostOfZone.getOrDefault(user.zoneId(), firstHost);
            String aeId = aeIdOf(user.address());
            register(aeId, cseOfHost.get(host));
            aeOfDevice.put(user.address(), aeId);
            devicesOfHost.get(host).add(DeviceInformation.of(user.address(),
                    AppMobilityServiceLevel.APP_MOBILITY_WITHOUT_CONFIRMATION));
        }
        for (Map.Entry<String, List<DeviceInformation>> e : devicesOfHost.entrySet()) {
            RegistrationInfo r = ams(e.getKey()).register(RegistrationInfo.of(instance(e.getKey()), e.getValue()));
            registrationOfHost.put(e.getKey(), r.appMobilityServiceId());
        }
        LOG.info("handover driver: {} UE(s) registered as AEs ({}), following MEC 021 AMS mobility notifications",
                aeOfDevice.size(), aeOfDevice.values());
        requests.start();
        return this;
    }

    /** {@code Cue-10.0.0.1} for UE address {@code acr:10.0.0.1}. */
    static String aeIdOf(String address) {
        return "Cue-" + address.replaceFirst("^acr:", "").replaceAll("[^A-Za-z0-9._-]", "-");
    }

    private static String instance(String host) {
        return APP + "@" + host;
    }

    private AmsClient ams(String host) {
        return AmsClient.of(mecUrl + "/" + host + "/amsi/v1");
    }

    /**
     * Registers the UE's AE at the MN-CSE of its MEC host, unless an earlier run on the same data did: then the AE
     * stays where the serving registry says it is (a later AMS notification moves it as usual).
     */
    private void register(String aeId, String cseId) {
        Response r = fronts.get(cseId).send(Request.builder().operation(Operation.CREATE).to(bases.get(cseId))
                .from(aeId).requestId("run-reg-" + aeId).releaseVersion("3").resourceType(ResourceType.AE)
                .content(ContentCodec.parse("{\"m2m:ae\":{\"rn\":\"" + aeId + "\",\"api\":\"Noe.ue\",\"rr\":false,"
                        + "\"srv\":[\"3\"],\"lbl\":[\"oe:ue\"]}}")).build());
        // refused (4105 name taken here, 4117 or the 4127 fence: served elsewhere) for an AE the registry knows
        Optional<ServingEntry> entry = r.statusCode() != ResponseStatusCode.CREATED ? registry.resolve(aeId)
                : Optional.empty();
        if (entry.isPresent()) {
            LOG.info("AE {} registered by an earlier run: served by {} at epoch {}", aeId,
                    entry.get().servingCseId(), entry.get().epoch());
            return;
        }
        if (r.statusCode() != ResponseStatusCode.CREATED && r.statusCode() != ResponseStatusCode.CONFLICT) {
            throw new IllegalStateException("AE " + aeId + " not registered at " + cseId + ": " + r.statusCode()
                    + " " + r.debugMessage());
        }
        registry.compareAndSet(aeId, ServingRegistry.ABSENT, ServingEntry.registered(aeId, cseId));
    }

    private void onNotification(byte[] body) {
        if (!(AmsClient.parseNotification(mapper, body) instanceof MobilityProcedureNotification n)
                || n.mobilityStatus() != MobilityStatus.INTERHOST_MOVEOUT_TRIGGERED || n.targetAppInfo() == null
                || n.associateId() == null) {
            return;
        }
        String target = n.targetAppInfo().appInstanceId();
        String targetHost = target.substring(target.indexOf('@') + 1);
        for (var device : n.associateId()) {
            String aeId = aeOfDevice.get(device.value());
            String targetCse = cseOfHost.get(targetHost);
            if (aeId != null && targetCse != null) {
                workers.submit(() -> move(device.value(), aeId, targetCse));
            }
        }
    }

    /** A handover asked for over oneM2M ({@link HandoverRequestWatcher}), serialized with the AMS-driven ones. */
    private HandoverTransaction requested(String aeId, String targetCse) {
        synchronized (aeId.intern()) {
            String source = registry.resolve(aeId).map(ServingEntry::servingCseId).orElse("?");
            HandoverTransaction tx = coordinator.handover("req-" + txids.incrementAndGet() + "-" + aeId, aeId,
                    targetCse);
            LOG.info("handover {} {} -> {} (requested over oneM2M): {} bytes, {} resources, result {}{}", aeId,
                    source, targetCse, tx.figures().transferBytes(), tx.figures().resourcesMoved(), tx.state(),
                    tx.reason() == null ? "" : " (" + tx.reason() + ")");
            return tx;
        }
    }

    /** One handover at a time per device, in notification order. */
    private void move(String device, String aeId, String targetCse) {
        synchronized (aeId.intern()) {
            Optional<ServingEntry> serving = registry.resolve(aeId);
            if (serving.isEmpty() || serving.get().servingCseId().equals(targetCse)) {
                return;
            }
            String source = serving.get().servingCseId();
            long started = System.nanoTime();
            HandoverTransaction tx;
            try {
                tx = coordinator.handover("run-" + txids.incrementAndGet() + "-" + aeId, aeId, targetCse);
            } catch (RuntimeException e) {
                LOG.warn("handover {} {} -> {}: failed: {}", aeId, source, targetCse, e.toString());
                return;
            }
            LOG.info("handover {} {} -> {}: interruption {} ms, {} bytes, {} resources, took {} ms, result {}{}",
                    aeId, source, targetCse, timed.lastInterruption(aeId).map(Duration::toMillis).orElse(-1L),
                    tx.figures().transferBytes(), tx.figures().resourcesMoved(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), tx.state(),
                    tx.reason() == null ? "" : " (" + tx.reason() + ")");
            if (tx.state() == TransactionState.COMPLETED) {
                followInAms(device, hostOfCse.get(source), hostOfCse.get(targetCse));
            }
        }
    }

    /** Reports the transfer to AMS and registers the device with the target instance instead of the source's. */
    private void followInAms(String device, String sourceHost, String targetHost) {
        try {
            AmsClient source = ams(sourceHost);
            String sourceRegistration = registrationOfHost.get(sourceHost);
            source.reportContextTransferred(sourceRegistration, device);
            moveDevice(source, sourceRegistration, device, false);
            moveDevice(ams(targetHost), registrationOfHost.get(targetHost), device, true);
        } catch (RuntimeException e) {
            LOG.warn("AMS could not be told that {} moved from {} to {}: {}", device, sourceHost, targetHost,
                    e.toString());
        }
    }

    private static synchronized void moveDevice(AmsClient ams, String registration, String device, boolean add) {
        RegistrationInfo current = ams.registration(registration);
        List<DeviceInformation> devices = new ArrayList<>(current.deviceInformation() == null ? List.of()
                : current.deviceInformation());
        devices.removeIf(d -> d.associateId().value().equals(device));
        if (add) {
            devices.add(DeviceInformation.of(device, AppMobilityServiceLevel.APP_MOBILITY_WITHOUT_CONFIRMATION));
        }
        ams.update(current.withDevices(devices));
    }

    @Override
    public synchronized void close() {
        requests.close();
        if (subscription != null) {
            try {
                AmsClient.of(mecUrl + "/amsi/v1").unsubscribe(subscription);
            } catch (RuntimeException e) {
                LOG.debug("AMS subscription {} not removed: {}", subscription, e.toString());
            }
            subscription = null;
        }
        workers.shutdown();
        if (receiver != null) {
            receiver.close();
            receiver = null;
        }
    }
}
