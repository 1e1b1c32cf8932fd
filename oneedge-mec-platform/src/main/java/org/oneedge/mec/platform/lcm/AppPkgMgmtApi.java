package org.oneedge.mec.platform.lcm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.common.TimeStamp;
import org.oneedge.mec.api.lcm.AppPkgFilter;
import org.oneedge.mec.api.lcm.AppPkgInfo;
import org.oneedge.mec.api.lcm.AppPkgInfoModifications;
import org.oneedge.mec.api.lcm.AppPkgNotification;
import org.oneedge.mec.api.lcm.AppPkgOperationalState;
import org.oneedge.mec.api.lcm.AppPkgSubscription;
import org.oneedge.mec.api.lcm.AppPkgSubscriptionInfo;
import org.oneedge.mec.api.lcm.AppPkgSubscriptionType;
import org.oneedge.mec.api.lcm.CreateAppPkg;
import org.oneedge.mec.api.lcm.LinkList;
import org.oneedge.mec.api.lcm.OnboardingState;
import org.oneedge.mec.api.lcm.UsageState;
import org.oneedge.mec.platform.CallbackUri;
import org.oneedge.mec.platform.MecApi;
import org.oneedge.mec.platform.MecPlatformContext;
import org.oneedge.mec.platform.SubscriptionRegistry;
import org.oneedge.mec.platform.http.MecExchange;
import org.oneedge.mec.platform.http.Routes;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * MEC 010-2 application package management ({@code /app_pkgm/v1}, MEC01002_AppPkgMgmt.yaml), simplified: onboarding
 * is immediate and the package content is a JSON app descriptor (AppD) given in {@code userDefinedData.appD} or
 * uploaded with {@code PUT .../package_content}; nothing is fetched from {@code appPkgPath}.
 */
public final class AppPkgMgmtApi implements MecApi {

    public static final String BASE_PATH = "/app_pkgm/v1";

    private final MecPlatformContext ctx;
    private final AppPackageStore packages;
    private final Predicate<String> appDIdInUse;
    private final SubscriptionRegistry<AppPkgSubscriptionInfo> subscriptions;
    private final java.util.Map<String, List<AppPkgFilter>> filters = new java.util.concurrent.ConcurrentHashMap<>();

    public AppPkgMgmtApi(MecPlatformContext ctx, AppPackageStore packages, Predicate<String> appDIdInUse) {
        this.ctx = ctx;
        this.packages = packages;
        this.appDIdInUse = appDIdInUse;
        this.subscriptions = ctx.newSubscriptionRegistry("pkgsub-");
    }

    @Override
    public String basePath() {
        return BASE_PATH;
    }

    @Override
    public void register(Routes routes) {
        routes.post("/onboarded_app_packages", this::onboard);
        routes.get("/onboarded_app_packages", ex -> ex.ok(packages.all().stream().map(p -> present(p, ex)).toList()));
        routes.get("/onboarded_app_packages/{appDId}", ex -> ex.ok(present(packages.require(ex.pathParam("appDId")),
                ex)));
        routes.patch("/onboarded_app_packages/{appDId}", ex -> {
            AppPackageStore.AppPackage pkg = packages.require(ex.pathParam("appDId"));
            AppPkgInfoModifications change = ex.body(AppPkgInfoModifications.class);
            if (change.operationalState() != pkg.operationalState()) {
                packages.replace(pkg.withOperationalState(change.operationalState()));
                notify(change.operationalState() == AppPkgOperationalState.ENABLED ? "AppPackageEnabled"
                        : "AppPackageDisabled", pkg.withOperationalState(change.operationalState()));
            }
            ex.ok(change);
        });
        routes.delete("/onboarded_app_packages/{appDId}", ex -> {
            AppPackageStore.AppPackage pkg = packages.require(ex.pathParam("appDId"));
            if (appDIdInUse.test(pkg.appDId())) {
                throw MecProblemException.conflict("application package '" + pkg.appDId()
                        + "' is IN_USE by app instances; terminate and delete them first");
            }
            packages.remove(pkg.appDId());
            notify("AppPackageDeleted", pkg);
            ex.noContent();
        });
        routes.get("/onboarded_app_packages/{appDId}/appd", ex -> ex.ok(packages.require(ex.pathParam("appDId"))
                .appD()));
        routes.get("/onboarded_app_packages/{appDId}/package_content",
                ex -> ex.ok(packages.require(ex.pathParam("appDId")).appD()));
        routes.put("/onboarded_app_packages/{appDId}/package_content", ex -> {
            AppPackageStore.AppPackage pkg = packages.require(ex.pathParam("appDId"));
            JsonNode appD = ex.bodyTree();
            if (!appD.isObject()) {
                throw MecProblemException.badRequest("package content must be a JSON app descriptor object");
            }
            String appDId = appD.path("appDId").asText(pkg.appDId());
            if (!appDId.equals(pkg.appDId())) {
                throw MecProblemException.badRequest("appDId in the content (" + appDId
                        + ") does not match the package's " + pkg.appDId());
            }
            packages.replace(new AppPackageStore.AppPackage(pkg.id(), pkg.appDId(),
                    appD.path("appName").asText(pkg.appName()), appD.path("appProvider").asText(pkg.appProvider()),
                    appD.path("appSoftVersion").asText(pkg.appSoftwareVersion()),
                    appD.path("appDVersion").asText(pkg.appDVersion()), pkg.checksum(), appD, pkg.userDefinedData(),
                    OnboardingState.ONBOARDED, pkg.operationalState(), pkg.order()));
            ex.respond(202, null);
        });

        routes.post("/subscriptions", ex -> {
            AppPkgSubscription body = ex.body(AppPkgSubscription.class);
            URI callback = CallbackUri.require("callbackUri", body.callbackUri());
            var entry = subscriptions.add(ex.hostName(), null, callback, null, id -> new AppPkgSubscriptionInfo(id,
                    body.subscriptionType(), body.callbackUri(),
                    new AppPkgSubscriptionInfo.Links(LinkType.of(ex.href("/subscriptions/" + id)))));
            if (body.appPkgFilter() != null) {
                filters.put(entry.id(), List.copyOf(body.appPkgFilter()));
            }
            ex.created(entry.subscription().links().self().href(), entry.subscription());
        });
        routes.get("/subscriptions", ex -> ex.ok(new LinkList(new LinkList.Links(LinkType.of(ex.href("/subscriptions")),
                subscriptions.matching(e -> e.visibleFrom(ex.hostName())).stream()
                        .map(e -> new LinkList.Subscription(e.subscription().links().self().href(),
                                e.subscription().subscriptionType().name())).toList()))));
        routes.get("/subscriptions/{subscriptionId}", ex -> ex.ok(requireSubscription(ex).subscription()));
        routes.delete("/subscriptions/{subscriptionId}", ex -> {
            String id = requireSubscription(ex).id();
            subscriptions.remove(id);
            filters.remove(id);
            ex.noContent();
        });
    }

    private void onboard(MecExchange ex) {
        CreateAppPkg request = ex.body(CreateAppPkg.class);
        JsonNode appD = request.userDefinedData() == null ? null : request.userDefinedData().get("appD");
        if (appD != null && !appD.isObject()) {
            throw MecProblemException.badRequest("userDefinedData.appD must be a JSON object (the app descriptor)");
        }
        ObjectNode descriptor = appD == null ? ctx.mapper().createObjectNode() : ((ObjectNode) appD).deepCopy();
        String appDId = descriptor.path("appDId").asText(UUID.randomUUID().toString());
        descriptor.put("appDId", appDId);
        if (!descriptor.has("appName")) {
            descriptor.put("appName", request.appPkgName());
        }
        if (!descriptor.has("appProvider") && request.appProvider() != null) {
            descriptor.put("appProvider", request.appProvider());
        }
        if (!descriptor.has("appSoftVersion")) {
            descriptor.put("appSoftVersion", request.appPkgVersion());
        }
        if (!descriptor.has("appDVersion")) {
            descriptor.put("appDVersion", "1.0");
        }
        AppPackageStore.AppPackage pkg = new AppPackageStore.AppPackage(UUID.randomUUID().toString(), appDId,
                descriptor.get("appName").asText(), descriptor.path("appProvider").asText("unknown"),
                descriptor.get("appSoftVersion").asText(), descriptor.get("appDVersion").asText(), request.checksum(),
                descriptor, request.userDefinedData(), OnboardingState.ONBOARDED, AppPkgOperationalState.ENABLED,
                packages.nextOrder());
        packages.add(pkg);
        notify("AppPackageOnBoarded", pkg);
        AppPkgInfo body = present(pkg, ex);
        ex.created(body.links().self().href(), body);
    }

    private AppPkgInfo present(AppPackageStore.AppPackage p, MecExchange ex) {
        String self = ex.href("/onboarded_app_packages/" + p.appDId());
        return new AppPkgInfo(p.id(), p.appDId(), p.appProvider(), p.appName(), p.appSoftwareVersion(),
                p.appDVersion(), p.checksum(), null, List.of(softwareImage(p)), null, p.onboardingState(), p.operationalState(),
                appDIdInUse.test(p.appDId()) ? UsageState.IN_USE : UsageState.NOT_IN_USE, List.of("3.1.1"),
                p.userDefinedData(), null, new AppPkgInfo.Links(LinkType.of(self), LinkType.of(self + "/appd"),
                LinkType.of(self + "/package_content"), null));
    }

    /** The package's one software image as OneEdge models it (the file leaves AppPkgSWImageInfo open). */
    private JsonNode softwareImage(AppPackageStore.AppPackage p) {
        return ctx.mapper().createObjectNode().put("id", p.appDId() + "-image").put("name", p.appName())
                .put("version", p.appSoftwareVersion());
    }

    private SubscriptionRegistry.Entry<AppPkgSubscriptionInfo> requireSubscription(MecExchange ex) {
        String id = ex.pathParam("subscriptionId");
        return subscriptions.get(id, ex.hostName(), null)
                .orElseThrow(() -> MecProblemException.notFound("no package subscription '" + id + "'"));
    }

    private void notify(String notificationType, AppPackageStore.AppPackage pkg) {
        AppPkgSubscriptionType wanted = switch (notificationType) {
            case "AppPackageOnBoarded" -> AppPkgSubscriptionType.AppPackageOnBoardingSubscription;
            case "AppPackageDeleted" -> AppPkgSubscriptionType.AppPackageDeletionSubscription;
            default -> AppPkgSubscriptionType.AppPackageChangeSubscription;
        };
        String notificationId = UUID.randomUUID().toString();
        for (var entry : subscriptions.all()) {
            if (entry.subscription().subscriptionType() != wanted || !matches(filters.get(entry.id()), pkg)) {
                continue;
            }
            ctx.notifications().send(entry.callback(), new AppPkgNotification(notificationId, notificationType,
                    entry.id(), TimeStamp.of(ctx.clock().instant()), pkg.id(), pkg.appDId(), pkg.operationalState(),
                    new AppPkgNotification.Links(entry.subscription().links().self())));
        }
    }

    private boolean matches(List<AppPkgFilter> filterList, AppPackageStore.AppPackage p) {
        if (filterList == null || filterList.isEmpty()) {
            return true;
        }
        return filterList.stream().anyMatch(f -> eq(f.appPkgInfoId(), p.id()) && eq(f.appDId(), p.appDId())
                && eq(f.appProvider(), p.appProvider()) && eq(f.appName(), p.appName())
                && eq(f.appSoftwareVersion(), p.appSoftwareVersion()) && eq(f.appDVersion(), p.appDVersion())
                && (f.operationalState() == null || f.operationalState() == p.operationalState()));
    }

    private static boolean eq(String wanted, String actual) {
        return wanted == null || Objects.equals(wanted, actual);
    }
}
