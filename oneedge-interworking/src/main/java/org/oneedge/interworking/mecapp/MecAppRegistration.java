package org.oneedge.interworking.mecapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.oneedge.interworking.callback.MecCallbackReceiver;
import org.oneedge.mec.api.appsupport.AppInfo;
import org.oneedge.mec.api.appsupport.AppTerminationNotification;
import org.oneedge.mec.api.appsupport.AppTerminationNotificationSubscription;
import org.oneedge.mec.api.appsupport.MecAppSupportClient;
import org.oneedge.mec.api.appsupport.OperationActionType;
import org.oneedge.mec.api.common.MecJson;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.iot.IotPlatformInfo;
import org.oneedge.mec.api.iot.MecIotClient;
import org.oneedge.mec.api.servicemgmt.EndPointInfo;
import org.oneedge.mec.api.servicemgmt.MecServiceMgmtClient;
import org.oneedge.mec.api.servicemgmt.SerAvailabilityNotificationSubscription;
import org.oneedge.mec.api.servicemgmt.ServiceInfo;
import org.oneedge.mec.api.servicemgmt.ServiceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Runs a oneM2M CSE as a MEC application: over Mp1 only (so a real MEC platform replaces OneEdge's by URL).
 *
 * <pre>
 *  start()                                            MEC platform
 *    register (POST /registrations, if needed) ─────▶ MEC 011 app support
 *    confirm_ready ─────────────────────────────────▶
 *    subscribe AppTerminationNotification ──────────▶            ┐ callbacks to the
 *    publish ServiceInfo oneM2M-CSE-&lt;csi&gt; (option D) ─▶ MEC 011 service mgmt │ MecCallbackReceiver
 *    subscribe SerAvailabilityNotification ─────────▶            ┘
 *    discover RNIS / Location / AMS / metrics ──────▶  → {@link MecServiceDirectory}
 *    register IotPlatformInfo &lt;csi&gt; ────────────────▶ MEC 033 IoT API
 *  AppTerminationNotification ◀──────────────────────
 *    delete service, delete IoT platform, confirm_termination, tell termination listeners
 *  stop(): the same withdrawal, then deregister the app instance if this component registered it
 * </pre>
 *
 * Start is idempotent against leftovers of an earlier run: an existing service of the same name is reused, an
 * IoT platform with the CSE's id is updated (MEC 011 clause 5.2.2-5.2.6, MEC 033 clause 5.2).
 */
public final class MecAppRegistration implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MecAppRegistration.class);

    /** Life cycle of the registration. */
    public enum State { NEW, RUNNING, TERMINATED, STOPPED }

    private final MecAppRegistrationConfig config;
    private final MecAppSupportClient appSupport;
    private final MecServiceMgmtClient serviceMgmt;
    private final MecIotClient iot;
    private final MecCallbackReceiver receiver;
    private final MecServiceDirectory directory = new MecServiceDirectory();
    private final ObjectMapper mapper = MecJson.newObjectMapper();
    private final List<Consumer<OperationActionType>> terminationListeners = new CopyOnWriteArrayList<>();

    private State state = State.NEW;
    private String appInstanceId;
    private boolean registeredByUs;
    private ServiceInfo service;
    private IotPlatformInfo iotPlatform;
    private String terminationSubscription;
    private String availabilitySubscription;

    public MecAppRegistration(MecAppRegistrationConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.appSupport = new MecAppSupportClient(config.platformUrl());
        this.serviceMgmt = new MecServiceMgmtClient(config.platformUrl());
        this.iot = new MecIotClient(config.platformUrl());
        this.receiver = new MecCallbackReceiver(config.callbackHost(), config.callbackPort(),
                config.callbackAdvertisedHost());
    }

    /** Registers, publishes and discovers (see the class comment). On failure undoes what was done and throws. */
    public synchronized MecAppRegistration start() {
        if (state != State.NEW) {
            throw new IllegalStateException("MEC app registration is " + state);
        }
        receiver.start();
        try {
            appInstanceId = ensureRegistered();
            appSupport.confirmReady(appInstanceId);
            terminationSubscription = appSupport.subscribeTermination(appInstanceId,
                    receiver.register("/mec/app-termination", this::onTermination)).links().self().href();
            if (config.offerAsMecService()) {
                service = publish();
            }
            iotPlatform = registerIotPlatform();
            availabilitySubscription = serviceMgmt.subscribe(appInstanceId, SerAvailabilityNotificationSubscription
                            .of(receiver.register("/mec/service-availability", this::onServiceAvailability), null))
                    .links().self().href();
            rediscover();
        } catch (RuntimeException e) {
            LOG.warn("CSE {} could not register as MEC application at {}: {}", config.cseId(), config.platformUrl(),
                    e.toString());
            withdraw();
            receiver.stop();
            state = State.STOPPED;
            throw e;
        }
        state = State.RUNNING;
        LOG.info("CSE {} runs as MEC application {} at {} (service {}, IoT platform {}, known services {})",
                config.cseId(), appInstanceId, config.platformUrl(),
                service == null ? "not offered" : service.serInstanceId(), iotPlatform.iotPlatformId(),
                directory.urls());
        return this;
    }

    /** Withdraws the service and the IoT platform, ends the subscriptions, deregisters if it registered. */
    public void stop() {
        synchronized (this) {
            if (state != State.RUNNING) {
                if (state == State.NEW) {
                    state = State.STOPPED;
                }
                receiver.stop();
                return;
            }
            withdraw();
            quietly("delete the termination subscription", () -> appSupport.unsubscribe(terminationSubscription));
            if (registeredByUs) {
                quietly("deregister the app instance", () -> appSupport.deregister(appInstanceId));
            }
            state = State.STOPPED;
            receiver.stop();
        }
        LOG.info("CSE {} left the MEC platform (app instance {})", config.cseId(), appInstanceId);
    }

    @Override
    public void close() {
        stop();
    }

    /** Called with the operation action after the platform terminated or stopped this app and it confirmed. */
    public void addTerminationListener(Consumer<OperationActionType> listener) {
        terminationListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public synchronized State state() {
        return state;
    }

    /** The MEC application instance id (after {@link #start()}). */
    public synchronized String appInstanceId() {
        return appInstanceId;
    }

    /** The CSE's entry in the MEC service registry, if it offers itself (deployment D). */
    public synchronized Optional<ServiceInfo> service() {
        return Optional.ofNullable(service);
    }

    /** The CSE's MEC 033 IoT platform registration (after {@link #start()}). */
    public synchronized IotPlatformInfo iotPlatform() {
        return iotPlatform;
    }

    /** RNIS, Location, AMS and metrics endpoints as currently known; listen there for changes. */
    public MecServiceDirectory services() {
        return directory;
    }

    public MecAppRegistrationConfig config() {
        return config;
    }

    /** Re-reads the service registry into {@link #services()}. */
    public void rediscover() {
        directory.refresh(serviceMgmt.discover(MecServiceMgmtClient.Query.all()));
    }

    // ------------------------------------------------------------------ steps

    private String ensureRegistered() {
        AppInfo info = AppInfo.named(config.appName());
        if (config.httpPointOfAccess() != null) {
            info = new AppInfo(info.appName(), "OneEdge", null, null, null,
                    EndPointInfo.ofUris(config.httpPointOfAccess()), null, null, null, null, null, null);
        }
        if (config.appInstanceId() != null) {
            try {
                appSupport.registration(config.appInstanceId());
                return config.appInstanceId(); // known to the platform (instantiated by it, or an earlier run)
            } catch (MecProblemException e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
            info = info.withAppInstanceId(config.appInstanceId());
        }
        String id = appSupport.register(info).appInstanceId();
        registeredByUs = true;
        LOG.debug("CSE {} registered as MEC application {}", config.cseId(), id);
        return id;
    }

    private ServiceInfo publish() {
        ServiceInfo wanted = CseServiceDescription.serviceInfo(config);
        for (ServiceInfo existing : serviceMgmt.servicesOf(appInstanceId)) {
            if (existing.serName().equals(wanted.serName())) {
                return existing.state() == ServiceState.ACTIVE ? existing
                        : serviceMgmt.update(appInstanceId, existing.withState(ServiceState.ACTIVE));
            }
        }
        return serviceMgmt.register(appInstanceId, wanted);
    }

    private IotPlatformInfo registerIotPlatform() {
        IotPlatformInfo wanted = CseServiceDescription.iotPlatformInfo(config);
        try {
            return iot.registerPlatform(wanted);
        } catch (MecProblemException e) {
            if (e.status() != 409) {
                throw e;
            }
            return iot.updatePlatform(wanted); // left over from an earlier run
        }
    }

    /** Undoes publish, IoT registration and the availability subscription; tolerates each failing. */
    private void withdraw() {
        ServiceInfo s = service;
        if (s != null) {
            quietly("delete service " + s.serInstanceId(),
                    () -> serviceMgmt.deregister(appInstanceId, s.serInstanceId()));
            service = null;
        }
        IotPlatformInfo p = iotPlatform;
        if (p != null) {
            quietly("deregister IoT platform " + p.iotPlatformId(), () -> iot.deregisterPlatform(p.iotPlatformId()));
        }
        String sub = availabilitySubscription;
        if (sub != null) {
            quietly("delete the service availability subscription", () -> serviceMgmt.unsubscribe(sub));
            availabilitySubscription = null;
        }
    }

    private void quietly(String what, Runnable step) {
        try {
            step.run();
        } catch (MecProblemException e) {
            // 403/404 while terminating: the platform removes the app's services and subscriptions itself
            LOG.debug("MEC app {}: could not {}: {}", appInstanceId, what, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("MEC app {}: could not {}: {}", appInstanceId, what, e.toString());
        }
    }

    // ------------------------------------------------------------------ notifications

    private void onServiceAvailability(byte[] body) {
        synchronized (this) {
            if (state != State.RUNNING) {
                return;
            }
        }
        LOG.debug("MEC app {}: service availability changed", appInstanceId);
        rediscover();
    }

    private void onTermination(byte[] body) {
        AppTerminationNotification notification;
        try {
            notification = mapper.readValue(body, AppTerminationNotification.class);
        } catch (IOException e) {
            LOG.warn("MEC app {}: unreadable AppTerminationNotification: {}", appInstanceId, e.getMessage());
            return;
        }
        OperationActionType action = notification.operationAction() == null ? OperationActionType.TERMINATING
                : notification.operationAction();
        Thread.ofVirtual().name("mec-app-termination").start(() -> terminate(action));
    }

    private void terminate(OperationActionType action) {
        synchronized (this) {
            if (state != State.RUNNING) {
                return;
            }
            LOG.info("CSE {}: MEC platform asks app {} to {}", config.cseId(), appInstanceId, action);
            withdraw();
            quietly("confirm termination", () -> appSupport.confirmTermination(appInstanceId, action));
            state = State.TERMINATED;
            receiver.stop();
        }
        for (Consumer<OperationActionType> listener : terminationListeners) {
            try {
                listener.accept(action);
            } catch (RuntimeException e) {
                LOG.warn("MEC app {}: termination listener failed", appInstanceId, e);
            }
        }
    }
}
