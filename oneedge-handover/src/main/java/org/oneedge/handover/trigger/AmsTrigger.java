package org.oneedge.handover.trigger;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.oneedge.mec.api.ams.AmsClient;
import org.oneedge.mec.api.ams.AppMobilityServiceLevel;
import org.oneedge.mec.api.ams.AssociateId;
import org.oneedge.mec.api.ams.DeviceInformation;
import org.oneedge.mec.api.ams.MobilityProcedureNotification;
import org.oneedge.mec.api.ams.MobilityProcedureSubscription;
import org.oneedge.mec.api.ams.MobilityStatus;
import org.oneedge.mec.api.ams.RegistrationInfo;
import org.oneedge.mec.api.common.MecJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MEC-assisted trigger (HANDOVER.md trigger 1; MEC 021 8.2 user-context transfer): the MN-CSE, as a MEC application
 * instance, registers its devices with AMS and subscribes to their mobility procedures. An
 * {@code INTERHOST_MOVEOUT_TRIGGERED} naming the target application instance becomes a handover of the device's AEs
 * to the MN-CSE of that instance; when the handover completed, the trigger reports the user context transferred (PUT
 * of the registration with {@code contextTransferState} USER_CONTEXT_TRANSFER_COMPLETED), upon which AMS announces
 * {@code INTERHOST_MOVEOUT_COMPLETED}. MEC 021 gives the application no failure report: a failed handover leaves
 * the device NOT_TRANSFERRED (AMS keeps the old instance as owner) and is recorded here as FAILED.
 *
 * <pre>
 *  start(): POST /app_mobility_services {appInstanceId, devices}   POST /subscriptions (MobilityProcedureSubscription)
 *  AMS ──TRIGGERED(device, targetAppInfo.appInstanceId)──► onNotification ──► HandoverDecision(AEs of device → CSE)
 *  handover done ──► reportOutcome(completed) ──► PUT contextTransferState=1 ──► AMS ──COMPLETED──► onNotification
 * </pre>
 */
public final class AmsTrigger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AmsTrigger.class);

    /**
     * @param appInstanceId     this MN-CSE's MEC application instance id
     * @param callbackReference where AMS posts mobility procedure notifications (the app routes them to
     *                          {@link #onNotification(byte[])})
     * @param serviceLevel      the mobility service level the devices are registered with, default with confirmation
     */
    public record Config(String appInstanceId, String callbackReference, AppMobilityServiceLevel serviceLevel) {
        public Config {
            if (appInstanceId == null || callbackReference == null) {
                throw new IllegalArgumentException("appInstanceId and callbackReference are mandatory");
            }
            serviceLevel = serviceLevel == null ? AppMobilityServiceLevel.APP_MOBILITY_WITH_CONFIRMATION
                    : serviceLevel;
        }
    }

    private final AmsClient ams;
    private final Config config;
    private final String sourceCseId;
    private final Function<String, Optional<String>> cseOfAppInstance;
    private final Function<String, List<String>> aesOfDevice;
    private final ObjectMapper mapper = MecJson.newObjectMapper();
    private final Map<String, MobilityStatus> procedures = new ConcurrentHashMap<>();
    private volatile String registrationId;
    private volatile String subscriptionHref;

    /**
     * @param sourceCseId      the CSE-ID of this MN-CSE
     * @param cseOfAppInstance the MN-CSE a MEC application instance runs, by app instance id
     * @param aesOfDevice      the AEs a device (AMS associate id, e.g. its IP address) has registered here
     */
    public AmsTrigger(AmsClient ams, Config config, String sourceCseId,
                      Function<String, Optional<String>> cseOfAppInstance, Function<String, List<String>> aesOfDevice) {
        this.ams = ams;
        this.config = config;
        this.sourceCseId = sourceCseId;
        this.cseOfAppInstance = cseOfAppInstance;
        this.aesOfDevice = aesOfDevice;
    }

    /** Registers the devices with AMS and subscribes to their mobility procedures (all three statuses). */
    public AmsTrigger start(List<String> devices) {
        RegistrationInfo registered = ams.register(RegistrationInfo.of(config.appInstanceId(),
                devices.stream().map(d -> DeviceInformation.of(d, config.serviceLevel())).toList()));
        registrationId = registered.appMobilityServiceId();
        var subscription = ams.subscribe(MobilityProcedureSubscription.of(config.callbackReference(),
                config.appInstanceId(), null, List.of(MobilityStatus.INTERHOST_MOVEOUT_TRIGGERED,
                        MobilityStatus.INTERHOST_MOVEOUT_COMPLETED, MobilityStatus.INTERHOST_MOVEOUT_FAILED)));
        subscriptionHref = subscription.links() == null ? null : subscription.links().self().href();
        LOG.info("AMS trigger started for app instance {} ({}): registration {}, {} devices", config.appInstanceId(),
                sourceCseId, registrationId, devices.size());
        return this;
    }

    /** A notification body as AMS posted it; other notification types are ignored. */
    public Optional<HandoverDecision> onNotification(byte[] body) {
        return AmsClient.parseNotification(mapper, body) instanceof MobilityProcedureNotification n
                ? onNotification(n) : Optional.empty();
    }

    /**
     * A decision for TRIGGERED when the target instance runs a known MN-CSE and the device has AEs here; COMPLETED
     * and FAILED are only recorded ({@link #procedure(String)}).
     */
    public Optional<HandoverDecision> onNotification(MobilityProcedureNotification n) {
        List<String> devices = n.associateId() == null ? List.of()
                : n.associateId().stream().map(AssociateId::value).toList();
        devices.forEach(d -> procedures.put(d, n.mobilityStatus()));
        if (n.mobilityStatus() != MobilityStatus.INTERHOST_MOVEOUT_TRIGGERED) {
            LOG.info("AMS: mobility procedure of {} {}", devices, n.mobilityStatus());
            return Optional.empty();
        }
        String targetApp = n.targetAppInfo() == null ? null : n.targetAppInfo().appInstanceId();
        Optional<String> target = targetApp == null ? Optional.empty() : cseOfAppInstance.apply(targetApp);
        if (target.isEmpty()) {
            LOG.warn("AMS: move-out of {} to app instance {} which runs no known MN-CSE; ignored", devices, targetApp);
            return Optional.empty();
        }
        List<String> aes = new ArrayList<>();
        devices.forEach(d -> aesOfDevice.apply(d).forEach(aes::add));
        if (aes.isEmpty()) {
            LOG.warn("AMS: move-out of {} but no AE of theirs is registered at {}", devices, sourceCseId);
            return Optional.empty();
        }
        return Optional.of(new HandoverDecision(TriggerKind.MEC_ASSISTED, aes, sourceCseId, List.of(target.get()),
                String.join(",", devices), "MEC 021 INTERHOST_MOVEOUT_TRIGGERED: device " + String.join(",", devices)
                + " moves to app instance " + targetApp + " (" + target.get() + ")"));
    }

    /**
     * Reports the handover's end to AMS: a completed one as the device's user context transferred; a failed one is
     * only recorded (MEC 021 has no failure report from the application).
     */
    public void reportOutcome(HandoverDecision decision, boolean completed) {
        for (String device : decision.subject().split(",")) {
            if (completed) {
                ams.reportContextTransferred(registrationId, device);
                LOG.info("AMS: reported the context of {} transferred to {}", device, decision.targets());
            } else {
                procedures.put(device, MobilityStatus.INTERHOST_MOVEOUT_FAILED);
                LOG.warn("AMS: handover of {} to {} failed; context stays at {}", device, decision.targets(),
                        sourceCseId);
            }
        }
    }

    /** The last mobility status seen or decided for the device. */
    public Optional<MobilityStatus> procedure(String device) {
        return Optional.ofNullable(procedures.get(device));
    }

    /** The AMS registration id, after {@link #start}. */
    public String registrationId() {
        return registrationId;
    }

    /** Unsubscribes and deregisters (best effort). */
    @Override
    public void close() {
        try {
            if (subscriptionHref != null) {
                ams.unsubscribe(subscriptionHref);
            }
            if (registrationId != null) {
                ams.deregister(registrationId);
            }
        } catch (RuntimeException e) {
            LOG.warn("AMS trigger of {}: cleanup failed: {}", config.appInstanceId(), e.toString());
        }
    }
}
