package org.oneedge.mec.platform.lcm;

/**
 * SPI that actually runs MEC application instances for MEC 010-2 lifecycle management: the platform calls it from a
 * virtual thread while the operation occurrence is PROCESSING; returning normally completes the operation, throwing
 * fails it (FAILED). The default, {@link TrackingAppInstantiator}, only records state; another module can plug in one
 * that starts real processes (e.g. an MN-CSE) on the named MEC host, without this module knowing what they are.
 */
public interface AppInstantiator {

    /** Deploys and starts the app instance on {@code app.hostName()}. */
    void instantiate(AppInstanceDeployment app) throws Exception;

    /** Starts a stopped instance (010-2 operate, changeStateTo STARTED). */
    void start(AppInstanceDeployment app) throws Exception;

    /** Stops a running instance (010-2 operate, changeStateTo STOPPED), after the graceful handshake if any. */
    void stop(AppInstanceDeployment app) throws Exception;

    /** Removes the instance and releases its resources (010-2 terminate). */
    void terminate(AppInstanceDeployment app) throws Exception;
}
