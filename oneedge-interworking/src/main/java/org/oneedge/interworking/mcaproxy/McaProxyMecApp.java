package org.oneedge.interworking.mcaproxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.oneedge.interworking.callback.MecCallbackReceiver;
import org.oneedge.mec.api.appsupport.AppInfo;
import org.oneedge.mec.api.appsupport.AppTerminationNotification;
import org.oneedge.mec.api.appsupport.MecAppSupportClient;
import org.oneedge.mec.api.appsupport.OperationActionType;
import org.oneedge.mec.api.common.MecJson;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.servicemgmt.CategoryRef;
import org.oneedge.mec.api.servicemgmt.MecServiceMgmtClient;
import org.oneedge.mec.api.servicemgmt.ServiceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy as a MEC application (MEC 011): registers ({@code POST /registrations}), confirms ready, subscribes to
 * its {@code AppTerminationNotification}, and publishes the service {@code oneM2M-McaProxy-<registrar csi>} in
 * category {@code oneM2M} with its HTTP endpoint, so devices and other MEC applications find it with
 * {@code GET /services?ser_name=...} or {@code ?ser_category_id=oneM2M}. Stopping withdraws the service, ends the
 * subscription and deregisters.
 *
 * <pre>
 *  AppTerminationNotification (MEC 011 5.2.4) ─▶ withdraw the service ─▶ confirm_termination ─▶ deregister
 *                                              ─▶ tell the proxy (it stops relaying: 5103 from then on)
 * </pre>
 */
final class McaProxyMecApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(McaProxyMecApp.class);

    private final McaProxyConfig config;
    private final MecAppSupportClient appSupport;
    private final MecServiceMgmtClient serviceMgmt;
    private final MecCallbackReceiver receiver;
    private final Consumer<OperationActionType> onTerminated;
    private final ObjectMapper mapper = MecJson.newObjectMapper();
    private String appInstanceId;
    private String terminationSubscription;
    private ServiceInfo service;

    /** @param onTerminated told (once, after the platform was answered) when the platform ends the application */
    McaProxyMecApp(McaProxyConfig config, Consumer<OperationActionType> onTerminated) {
        this.config = config;
        this.appSupport = new MecAppSupportClient(config.mecPlatformUrl());
        this.serviceMgmt = new MecServiceMgmtClient(config.mecPlatformUrl());
        this.receiver = new MecCallbackReceiver(config.httpHost(), 0);
        this.onTerminated = onTerminated;
    }

    synchronized void start(String endpointUrl) {
        receiver.start();
        try {
            appInstanceId = appSupport.register(AppInfo.named(config.serviceName())).appInstanceId();
            appSupport.confirmReady(appInstanceId);
            terminationSubscription = appSupport.subscribeTermination(appInstanceId,
                    receiver.register("/mec/app-termination", this::onTermination)).links().self().href();
            CategoryRef category = new CategoryRef("https://www.onem2m.org/technical/published-specifications",
                    McaProxyConfig.SERVICE_CATEGORY, McaProxyConfig.SERVICE_CATEGORY, "3");
            service = serviceMgmt.register(appInstanceId,
                    ServiceInfo.restService(config.serviceName(), category, "3", endpointUrl));
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        LOG.info("Mca proxy for {} runs as MEC application {} (service {} at {})", config.registrarCseId(),
                appInstanceId, service.serInstanceId(), endpointUrl);
    }

    synchronized ServiceInfo service() {
        return service;
    }

    /** The MEC application instance id, or null before start and after stop or termination. */
    synchronized String appInstanceId() {
        return appInstanceId;
    }

    /** Withdraws the service, ends the termination subscription, deregisters; tolerates each step failing. */
    synchronized void stop() {
        withdraw(null);
        receiver.stop();
    }

    private void withdraw(OperationActionType confirming) {
        List<Runnable> steps = new ArrayList<>();
        String id = appInstanceId;
        if (service != null) {
            ServiceInfo s = service;
            steps.add(() -> serviceMgmt.deregister(id, s.serInstanceId()));
        }
        if (terminationSubscription != null) {
            String sub = terminationSubscription;
            steps.add(() -> appSupport.unsubscribe(sub));
        }
        if (confirming != null) {
            steps.add(() -> appSupport.confirmTermination(id, confirming));
        }
        if (id != null) {
            steps.add(() -> appSupport.deregister(id));
        }
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (MecProblemException e) {
                // 403/404 while terminating: the platform removes the app's services and subscriptions itself
                LOG.debug("Mca proxy MEC clean-up of {}: {}", id, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("Mca proxy MEC clean-up of {} failed: {}", id, e.toString());
            }
        }
        service = null;
        terminationSubscription = null;
        appInstanceId = null;
    }

    private void onTermination(byte[] body) {
        AppTerminationNotification notification;
        try {
            notification = mapper.readValue(body, AppTerminationNotification.class);
        } catch (IOException e) {
            LOG.warn("Mca proxy MEC app {}: unreadable AppTerminationNotification: {}", appInstanceId, e.getMessage());
            return;
        }
        OperationActionType action = notification.operationAction() == null ? OperationActionType.TERMINATING
                : notification.operationAction();
        Thread.ofVirtual().name("mcaproxy-termination").start(() -> terminate(action));
    }

    private void terminate(OperationActionType action) {
        String id;
        synchronized (this) {
            id = appInstanceId;
            if (id == null) {
                return;   // already stopped or terminated
            }
            LOG.warn("Mca proxy for {}: the MEC platform asks MEC application {} to {}; the proxy stops relaying",
                    config.registrarCseId(), id, action);
            onTerminated.accept(action);   // refuse new requests before the platform may tear the host down
            withdraw(action);
            receiver.stop();
        }
        LOG.info("Mca proxy for {} left the MEC platform (app instance {}, {})", config.registrarCseId(), id, action);
    }

    @Override
    public void close() {
        stop();
    }
}
