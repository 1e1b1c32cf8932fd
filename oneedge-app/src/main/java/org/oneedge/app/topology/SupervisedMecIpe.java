package org.oneedge.app.topology;

import org.oneedge.interworking.ipe.MecIpe;
import org.oneedge.interworking.ipe.MecIpeConfig;
import org.oneedge.interworking.mecapp.MecAppRegistration;
import org.oneedge.interworking.mecapp.MecServiceKind;
import org.oneedge.model.CseClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MEC IPE as a topology runs it inside a MEC application: it reads RNIS, Location and metrics where the
 * application's MEC 011 discovery says they are, restarts on the new endpoints when one of them moves (service
 * availability notification), and stops for good when the platform terminates the application (MEC 011 clause
 * 5.2.4).
 */
final class SupervisedMecIpe implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SupervisedMecIpe.class);

    private final CseClient cse;
    private final String cseBaseName;
    private final String callbackHost;
    private final MecAppRegistration registration;
    private MecIpe ipe;

    SupervisedMecIpe(CseClient cse, String cseBaseName, String callbackHost, MecAppRegistration registration) {
        this.cse = cse;
        this.cseBaseName = cseBaseName;
        this.callbackHost = callbackHost;
        this.registration = registration;
    }

    synchronized SupervisedMecIpe start() {
        ipe = newIpe();
        registration.addTerminationListener(action -> {
            log.warn("The MEC platform ended MEC application {} ({}); the MEC IPE into {} stops",
                    registration.appInstanceId(), action, cseBaseName);
            close();
        });
        registration.services().addListener((kind, url) -> {
            if (kind != MecServiceKind.AMS) {
                restart(kind, url.orElse("none"));
            }
        });
        return this;
    }

    /** The structured path of the mirror's root, e.g. {@code cse-mn1/CMecIpe/mec}. */
    synchronized String rootPath() {
        return ipe == null ? null : ipe.rootPath();
    }

    private MecIpe newIpe() {
        return new MecIpe(cse, MecIpeConfig.builder()
                .cseBaseName(cseBaseName)
                .rnisUrl(registration.services().url(MecServiceKind.RNIS).orElse(null))
                .locationUrl(registration.services().url(MecServiceKind.LOCATION).orElse(null))
                .metricsUrl(registration.services().url(MecServiceKind.METRICS).orElse(null))
                .callbackHost(callbackHost)
                .build()).start();
    }

    private synchronized void restart(MecServiceKind kind, String url) {
        if (ipe == null) {
            return;
        }
        log.info("MEC service {} now at {}; the MEC IPE into {} restarts on the new endpoints", kind, url, cseBaseName);
        ipe.close();
        try {
            ipe = newIpe();
        } catch (RuntimeException e) {
            ipe = null;
            log.warn("The MEC IPE into {} could not restart after {} moved: {}", cseBaseName, kind, e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (ipe != null) {
            ipe.close();
            ipe = null;
        }
    }
}
