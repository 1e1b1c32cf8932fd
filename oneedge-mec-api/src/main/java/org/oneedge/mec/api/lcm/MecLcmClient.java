package org.oneedge.mec.api.lcm;

import com.fasterxml.jackson.core.type.TypeReference;
import org.oneedge.mec.api.common.MecRestClient;

import java.util.List;

/**
 * Blocking client of MEC 010-2 package management ({@code /app_pkgm/v1}) and lifecycle management
 * ({@code /app_lcm/v1}): onboard a package, create an app instance, instantiate it on a MEC host, operate and
 * terminate it, and follow the operation occurrences.
 *
 * <pre>{@code
 * var lcm = new MecLcmClient("http://127.0.0.1:8090");
 * String appDId = lcm.onboard(pkg).appDId();
 * String id = lcm.createInstance(CreateAppInstanceRequest.of(appDId, "cse-mn1")).id();
 * String op = lcm.instantiate(id, InstantiateAppRequest.onHost("mep1"));   // op occurrence URL
 * }</pre>
 */
public final class MecLcmClient {

    public static final String PKGM_PATH = "/app_pkgm/v1";
    public static final String LCM_PATH = "/app_lcm/v1";

    private final MecRestClient pkgm;
    private final MecRestClient lcm;

    /** @param platformUrl the MEC platform URL, e.g. {@code http://127.0.0.1:8090} */
    public MecLcmClient(String platformUrl) {
        String base = platformUrl.endsWith("/") ? platformUrl.substring(0, platformUrl.length() - 1) : platformUrl;
        this.pkgm = MecRestClient.of(base + PKGM_PATH);
        this.lcm = MecRestClient.of(base + LCM_PATH);
    }

    // ---- packages

    public AppPkgInfo onboard(CreateAppPkg request) {
        return pkgm.post("/onboarded_app_packages", request, AppPkgInfo.class).body();
    }

    public List<AppPkgInfo> packages() {
        return pkgm.get("/onboarded_app_packages", new TypeReference<List<AppPkgInfo>>() { }).body();
    }

    public AppPkgInfo appPackage(String appDId) {
        return pkgm.get("/onboarded_app_packages/" + appDId, AppPkgInfo.class).body();
    }

    public AppPkgInfoModifications setPackageState(String appDId, AppPkgOperationalState state) {
        return pkgm.patch("/onboarded_app_packages/" + appDId, new AppPkgInfoModifications(state),
                AppPkgInfoModifications.class).body();
    }

    public void deletePackage(String appDId) {
        pkgm.delete("/onboarded_app_packages/" + appDId);
    }

    public AppPkgSubscriptionInfo subscribePackages(AppPkgSubscription subscription) {
        return pkgm.post("/subscriptions", subscription, AppPkgSubscriptionInfo.class).body();
    }

    // ---- instances

    public AppInstanceInfo createInstance(CreateAppInstanceRequest request) {
        return lcm.post("/app_instances", request, AppInstanceInfo.class).body();
    }

    public List<AppInstanceInfo> instances() {
        return lcm.get("/app_instances", new TypeReference<List<AppInstanceInfo>>() { }).body();
    }

    public AppInstanceInfo instance(String appInstanceId) {
        return lcm.get("/app_instances/" + appInstanceId, AppInstanceInfo.class).body();
    }

    public void deleteInstance(String appInstanceId) {
        lcm.delete("/app_instances/" + appInstanceId);
    }

    /** Starts instantiation; returns the URL of the operation occurrence (202 {@code Location}). */
    public String instantiate(String appInstanceId, InstantiateAppRequest request) {
        return task(appInstanceId, "instantiate", request);
    }

    public String operate(String appInstanceId, OperateAppRequest request) {
        return task(appInstanceId, "operate", request);
    }

    public String terminate(String appInstanceId, TerminateAppRequest request) {
        return task(appInstanceId, "terminate", request);
    }

    private String task(String appInstanceId, String task, Object body) {
        return lcm.post("/app_instances/" + appInstanceId + "/" + task, body, Void.class).location()
                .orElseThrow(() -> new IllegalStateException(task + " answered without Location"));
    }

    /** Reads an operation occurrence by id or by the URL {@link #instantiate} returned. */
    public AppLcmOpOcc opOcc(String idOrUrl) {
        String path = idOrUrl.startsWith("http") ? idOrUrl : "/app_lcm_op_occs/" + idOrUrl;
        return lcm.get(path, AppLcmOpOcc.class).body();
    }

    public List<AppLcmOpOcc> opOccs() {
        return lcm.get("/app_lcm_op_occs", new TypeReference<List<AppLcmOpOcc>>() { }).body();
    }

    public LcmSubscription subscribe(LcmSubscription subscription) {
        return lcm.post("/subscriptions", subscription, LcmSubscription.class).body();
    }

    public void unsubscribe(String subscriptionHref) {
        lcm.delete(subscriptionHref);
    }
}
