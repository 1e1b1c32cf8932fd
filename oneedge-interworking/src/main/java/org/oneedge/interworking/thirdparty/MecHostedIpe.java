package org.oneedge.interworking.thirdparty;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.oneedge.interworking.mecapp.MecAppRegistration;
import org.oneedge.interworking.mecapp.MecAppRegistrationConfig;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.iot.DeviceInfo;
import org.oneedge.mec.api.iot.KeyValuePair;
import org.oneedge.mec.api.iot.MBTransportInfo;
import org.oneedge.mec.api.iot.MecIotClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ThirdPartyIpe} run as a MEC application instead of a plain AE: registered and ready on its MEC host
 * (MEC 011, through {@link MecAppRegistration}, which also registers the CSE the IPE writes into as the MEC 033 IoT
 * platform) before it serves devices, each interworked device registered with the MEC 033 IoT API bound to that IoT
 * platform, the IPE stopped when the platform terminates the application, and everything withdrawn on close.
 *
 * <pre>
 *   start:  MecAppRegistration (register, confirm_ready, IoT platform &lt;csi&gt;) -> ThirdPartyIpe
 *   device interworked -> POST /iots/v1/registered_devices {deviceId, requestedIotPlatformId: &lt;csi&gt;}
 *   AppTerminationNotification -> ThirdPartyIpe stops
 *   close:  ThirdPartyIpe -> DELETE registered devices -> MecAppRegistration (withdraw, deregister)
 * </pre>
 */
public final class MecHostedIpe implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MecHostedIpe.class);

    private final MecAppRegistration registration;
    private final ThirdPartyIpe ipe;
    private final MecIotClient iot;
    private final Set<String> registeredDevices = ConcurrentHashMap.newKeySet();
    private final String technology;

    private MecHostedIpe(MecAppRegistration registration, ThirdPartyIpe ipe, String technology) {
        this.registration = registration;
        this.ipe = ipe;
        this.technology = technology;
        this.iot = new MecIotClient(registration.config().platformUrl());
    }

    /** Registers the MEC application, then starts {@code ipe} (not started yet); on failure undoes both and throws. */
    public static MecHostedIpe start(MecAppRegistrationConfig mec, ThirdPartyIpe ipe) {
        Objects.requireNonNull(ipe, "ipe");
        MecAppRegistration registration = new MecAppRegistration(mec).start();
        String technology = ipe.technology();
        MecHostedIpe hosted = new MecHostedIpe(registration, ipe, technology);
        try {
            ipe.addInterworkedListener(hosted::registerDevice);
            registration.addTerminationListener(action -> {
                LOG.warn("The MEC platform ended the IPE's MEC application {} ({}); the IPE stops",
                        registration.appInstanceId(), action);
                ipe.stop();
            });
            ipe.start();
        } catch (RuntimeException e) {
            registration.close();
            throw e;
        }
        LOG.info("IPE for {} devices runs as MEC application {} at {}", technology, registration.appInstanceId(),
                mec.platformUrl());
        return hosted;
    }

    /** The MEC application instance id the IPE runs as. */
    public String appInstanceId() {
        return registration.appInstanceId();
    }

    /** The MEC 011 registration (state, discovered services). */
    public MecAppRegistration registration() {
        return registration;
    }

    /** The IPE. */
    public ThirdPartyIpe ipe() {
        return ipe;
    }

    /** MEC 033: the device, bound to the IoT platform (the CSE) over its MQTT user transport when it has one. */
    private void registerDevice(String deviceId) {
        var platform = registration.iotPlatform();
        String transport = platform.userTransportInfo().stream().filter(t -> "MQTT".equals(t.protocol()))
                .map(MBTransportInfo::id).findFirst().orElse(null);
        DeviceInfo device = new DeviceInfo("none", List.of(new KeyValuePair("Iwked-Technology", technology),
                new KeyValuePair("oneM2M-AE-ID", ipe.aeId(deviceId))), null, null, null, null, null, null, null,
                deviceId, null, platform.iotPlatformId(), transport, null, null, null, false);
        try {
            iot.registerDevice(device);
        } catch (MecProblemException e) {
            if (e.status() != 409) {
                LOG.warn("Device {}: MEC 033 registration failed: {}", deviceId, e.getMessage());
                return;
            }
            iot.updateDevice(device);   // left by an earlier run
        }
        registeredDevices.add(deviceId);
    }

    @Override
    public void close() {
        ipe.close();
        for (String deviceId : registeredDevices) {
            try {
                iot.deregisterDevice(deviceId);
            } catch (RuntimeException e) {
                LOG.debug("Device {}: MEC 033 deregistration failed: {}", deviceId, e.toString());
            }
        }
        registeredDevices.clear();
        registration.close();
    }
}
