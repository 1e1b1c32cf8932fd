package org.oneedge.mec.api.appsupport;

import org.oneedge.mec.api.common.MecRestClient;
import org.oneedge.mec.api.servicemgmt.SubscriptionLinkList;

/**
 * Blocking client of the MEC 011 application support API ({@code /mec_app_support/v2}): register an app instance,
 * confirm it is ready, subscribe to and confirm termination, read the platform time.
 *
 * <pre>{@code
 * var mp1 = new MecAppSupportClient("http://127.0.0.1:8090/mep1");
 * String id = mp1.register(AppInfo.named("cse-mn1")).appInstanceId();
 * mp1.confirmReady(id);
 * }</pre>
 */
public final class MecAppSupportClient {

    public static final String BASE_PATH = "/mec_app_support/v2";

    private final MecRestClient rest;

    /** @param platformUrl the platform (or host view) URL, e.g. {@code http://127.0.0.1:8090/mep1} */
    public MecAppSupportClient(String platformUrl) {
        this(MecRestClient.of((platformUrl.endsWith("/") ? platformUrl.substring(0, platformUrl.length() - 1)
                : platformUrl) + BASE_PATH));
    }

    public MecAppSupportClient(MecRestClient rest) {
        this.rest = rest;
    }

    /** Registers the app ({@code POST /registrations}); the answer carries the {@code appInstanceId}. */
    public AppInfo register(AppInfo info) {
        return rest.post("/registrations", info, AppInfo.class).body();
    }

    public AppInfo registration(String appInstanceId) {
        return rest.get("/registrations/" + appInstanceId, AppInfo.class).body();
    }

    public void updateRegistration(String appInstanceId, AppInfo info) {
        rest.put("/registrations/" + appInstanceId, info, null);
    }

    public void deregister(String appInstanceId) {
        rest.delete("/registrations/" + appInstanceId);
    }

    public void confirmReady(String appInstanceId) {
        rest.post("/applications/" + appInstanceId + "/confirm_ready", AppReadyConfirmation.ready(), null);
    }

    public void confirmTermination(String appInstanceId, OperationActionType action) {
        rest.post("/applications/" + appInstanceId + "/confirm_termination", new AppTerminationConfirmation(action),
                null);
    }

    public AppTerminationNotificationSubscription subscribeTermination(String appInstanceId, String callbackUrl) {
        return rest.post("/applications/" + appInstanceId + "/subscriptions",
                AppTerminationNotificationSubscription.of(callbackUrl, appInstanceId),
                AppTerminationNotificationSubscription.class).body();
    }

    public SubscriptionLinkList subscriptions(String appInstanceId) {
        return rest.get("/applications/" + appInstanceId + "/subscriptions", SubscriptionLinkList.class).body();
    }

    public void unsubscribe(String subscriptionHref) {
        rest.delete(subscriptionHref);
    }

    public CurrentTime currentTime() {
        return rest.get("/timing/current_time", CurrentTime.class).body();
    }
}
