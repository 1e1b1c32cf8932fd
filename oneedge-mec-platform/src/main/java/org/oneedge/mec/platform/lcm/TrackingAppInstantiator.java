package org.oneedge.mec.platform.lcm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link AppInstantiator}: runs nothing, only tracks which instances would be running where, so the
 * lifecycle API works end to end without a real workload.
 */
public final class TrackingAppInstantiator implements AppInstantiator {

    private static final Logger LOG = LoggerFactory.getLogger(TrackingAppInstantiator.class);

    /** What this instantiator believes about an instance. */
    public enum Status { RUNNING, STOPPED }

    private final Map<String, Status> instances = new ConcurrentHashMap<>();

    @Override
    public void instantiate(AppInstanceDeployment app) {
        instances.put(app.appInstanceId(), Status.RUNNING);
        LOG.debug("Instantiated app instance {} ({}) on {}", app.appInstanceId(), app.appName(), app.hostName());
    }

    @Override
    public void start(AppInstanceDeployment app) {
        instances.put(app.appInstanceId(), Status.RUNNING);
    }

    @Override
    public void stop(AppInstanceDeployment app) {
        instances.put(app.appInstanceId(), Status.STOPPED);
    }

    @Override
    public void terminate(AppInstanceDeployment app) {
        instances.remove(app.appInstanceId());
    }

    /** Current status per app instance id (terminated ones are absent). */
    public Map<String, Status> instances() {
        return Map.copyOf(instances);
    }
}
