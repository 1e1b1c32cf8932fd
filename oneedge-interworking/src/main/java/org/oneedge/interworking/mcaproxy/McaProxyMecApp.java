package org.oneedge.interworking.mcaproxy;

import java.util.ArrayList;
import java.util.List;
import org.oneedge.mec.api.appsupport.AppInfo;
import org.oneedge.mec.api.appsupport.MecAppSupportClient;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.servicemgmt.CategoryRef;
import org.oneedge.mec.api.servicemgmt.MecServiceMgmtClient;
import org.oneedge.mec.api.servicemgmt.ServiceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy as a MEC application (MEC 011): registers ({@code POST /registrations}), confirms ready, and publishes
 * the service {@code oneM2M-McaProxy-<registrar csi>} in category {@code oneM2M} with its HTTP endpoint, so devices
 * and other MEC applications find it with {@code GET /services?ser_name=...} or {@code ?ser_category_id=oneM2M}.
 * Stopping withdraws the service and deregisters.
 */
final class McaProxyMecApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(McaProxyMecApp.class);

    private final McaProxyConfig config;
    private final MecAppSupportClient appSupport;
    private final MecServiceMgmtClient serviceMgmt;
    private String appInstanceId;
    private ServiceInfo service;

    McaProxyMecApp(McaProxyConfig config) {
        this.config = config;
        this.appSupport = new MecAppSupportClient(config.mecPlatformUrl());
        this.serviceMgmt = new MecServiceMgmtClient(config.mecPlatformUrl());
    }

    synchronized void start(String endpointUrl) {
        appInstanceId = appSupport.register(AppInfo.named(config.serviceName())).appInstanceId();
        try {
            appSupport.confirmReady(appInstanceId);
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

    synchronized void stop() {
        List<Runnable> steps = new ArrayList<>();
        if (service != null) {
            ServiceInfo s = service;
            steps.add(() -> serviceMgmt.deregister(appInstanceId, s.serInstanceId()));
        }
        if (appInstanceId != null) {
            String id = appInstanceId;
            steps.add(() -> appSupport.deregister(id));
        }
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (MecProblemException e) {
                LOG.debug("Mca proxy MEC clean-up: {}", e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("Mca proxy MEC clean-up failed: {}", e.toString());
            }
        }
        service = null;
        appInstanceId = null;
    }

    @Override
    public void close() {
        stop();
    }
}
