package org.oneedge.mec.platform.servicemgmt;

import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.common.TimeStamp;
import org.oneedge.mec.api.servicemgmt.CategoryRef;
import org.oneedge.mec.api.servicemgmt.ChangeType;
import org.oneedge.mec.api.servicemgmt.FilteringCriteria;
import org.oneedge.mec.api.servicemgmt.LocalityType;
import org.oneedge.mec.api.servicemgmt.SerAvailabilityNotificationSubscription;
import org.oneedge.mec.api.servicemgmt.ServiceAvailabilityNotification;
import org.oneedge.mec.api.servicemgmt.ServiceInfo;
import org.oneedge.mec.api.servicemgmt.ServiceLivenessInfo;
import org.oneedge.mec.api.servicemgmt.ServiceLivenessUpdate;
import org.oneedge.mec.api.servicemgmt.SubscriptionLinkList;
import org.oneedge.mec.api.servicemgmt.TransportInfo;
import org.oneedge.mec.platform.CallbackUri;
import org.oneedge.mec.platform.MecApi;
import org.oneedge.mec.platform.MecPlatformContext;
import org.oneedge.mec.platform.SubscriptionRegistry;
import org.oneedge.mec.platform.appsupport.AppInstanceRegistry;
import org.oneedge.mec.platform.http.MecExchange;
import org.oneedge.mec.platform.http.Routes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * MEC 011 service management API ({@code /mec_service_mgmt/v1}, MecServiceMgmtApi.yaml): service registration by app
 * instances, discovery with the file's query filters, service availability subscriptions and notifications,
 * transports, and liveness (heartbeats) at {@code /liveness/{serInstanceId}} (the file's
 * {@code resource_uri_allocated_by_MEC_platform}); a service that misses heartbeats for twice its interval becomes
 * SUSPENDED.
 */
public final class ServiceMgmtApi implements MecApi {

    public static final String BASE_PATH = "/mec_service_mgmt/v1";
    private static final Logger LOG = LoggerFactory.getLogger(ServiceMgmtApi.class);
    static final int DEFAULT_LIVENESS_INTERVAL = 60;
    private static final String[] QUERY_FILTERS = {"ser_instance_id", "ser_name", "ser_category_id",
            "scope_of_locality", "consumed_local_only", "is_local"};

    private final MecPlatformContext ctx;
    private final ServiceRegistry registry;
    private final AppInstanceRegistry apps;
    private final SubscriptionRegistry<SerAvailabilityNotificationSubscription> subscriptions;
    private ScheduledFuture<?> livenessCheck;

    public ServiceMgmtApi(MecPlatformContext ctx, ServiceRegistry registry, AppInstanceRegistry apps) {
        this.ctx = ctx;
        this.registry = registry;
        this.apps = apps;
        this.subscriptions = ctx.newSubscriptionRegistry("sub-");
        registry.addListener(this::notifySubscribers);
        apps.addListener(new AppInstanceRegistry.Listener() {
            @Override
            public void removed(AppInstanceRegistry.AppInstance app) {
                subscriptions.removeOwnedBy(app.appInstanceId());
                registry.deregisterOwnedBy(app.appInstanceId());
            }
        });
    }

    @Override
    public String basePath() {
        return BASE_PATH;
    }

    @Override
    public void start() {
        long ms = ctx.config().expiryCheckInterval().toMillis();
        livenessCheck = ctx.scheduler().scheduleWithFixedDelay(() -> {
            try {
                registry.suspendSilentServices();
            } catch (RuntimeException e) {
                LOG.warn("Liveness check failed", e);
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (livenessCheck != null) {
            livenessCheck.cancel(false);
        }
    }

    @Override
    public void register(Routes routes) {
        routes.get("/services", ex -> ex.ok(discover(ex, r -> true)));
        routes.get("/services/{serviceId}", ex -> {
            ex.allowOnlyQueryParams();
            ex.ok(present(requireService(ex.pathParam("serviceId")), ex));
        });
        routes.get("/transports", ex -> ex.ok(List.of(platformTransport())));
        routes.get("/applications/{appInstanceId}/services", ex -> {
            String app = apps.requireReady(ex.pathParam("appInstanceId")).appInstanceId();
            ex.ok(discover(ex, r -> app.equals(r.owner())));
        });
        routes.post("/applications/{appInstanceId}/services", this::registerService);
        routes.get("/applications/{appInstanceId}/services/{serviceId}",
                ex -> ex.ok(present(requireOwnedService(ex), ex)));
        routes.put("/applications/{appInstanceId}/services/{serviceId}", this::updateService);
        routes.delete("/applications/{appInstanceId}/services/{serviceId}", ex -> {
            registry.deregister(requireOwnedService(ex).id());
            ex.noContent();
        });
        routes.get("/applications/{appInstanceId}/subscriptions", this::listSubscriptions);
        routes.post("/applications/{appInstanceId}/subscriptions", this::subscribe);
        routes.get("/applications/{appInstanceId}/subscriptions/{subscriptionId}",
                ex -> ex.ok(requireSubscription(ex).subscription()));
        routes.delete("/applications/{appInstanceId}/subscriptions/{subscriptionId}", ex -> {
            subscriptions.remove(requireSubscription(ex).id());
            ex.noContent();
        });
        routes.get("/liveness/{serviceId}", ex -> ex.ok(liveness(requireService(ex.pathParam("serviceId")))));
        routes.patch("/liveness/{serviceId}", ex -> {
            ServiceRegistry.Registration r = requireService(ex.pathParam("serviceId"));
            if (r.info().livenessInterval() == null) {
                throw MecProblemException.conflict("service '" + r.id() + "' was registered without heartbeats");
            }
            ServiceLivenessUpdate update = ex.body(ServiceLivenessUpdate.class);
            ex.ok(liveness(registry.heartbeat(r.id(), update.state())));
        });
    }

    // ---- services

    private List<ServiceInfo> discover(MecExchange ex, Predicate<ServiceRegistry.Registration> scope) {
        ex.allowOnlyQueryParams(QUERY_FILTERS);
        List<String> ids = ex.queryParams("ser_instance_id");
        List<String> names = ex.queryParams("ser_name");
        String category = ex.queryParam("ser_category_id");
        int exclusive = (ids.isEmpty() ? 0 : 1) + (names.isEmpty() ? 0 : 1) + (category == null ? 0 : 1);
        if (exclusive > 1) {
            throw MecProblemException.badRequest(
                    "ser_instance_id, ser_name and ser_category_id are mutually exclusive; give at most one");
        }
        LocalityType scopeOfLocality = ex.enumQueryParam("scope_of_locality", LocalityType.class);
        Boolean consumedLocalOnly = ex.booleanQueryParam("consumed_local_only");
        Boolean isLocal = ex.booleanQueryParam("is_local");
        String view = ex.hostName();
        return registry.all().stream()
                .filter(scope)
                .filter(r -> visibleFrom(r, view))
                .filter(r -> ids.isEmpty() || ids.contains(r.id()))
                .filter(r -> names.isEmpty() || names.contains(r.info().serName()))
                .filter(r -> category == null || (r.info().serCategory() != null
                        && category.equals(r.info().serCategory().id())))
                .filter(r -> scopeOfLocality == null || scopeOfLocality == scopeOf(r.info()))
                .filter(r -> consumedLocalOnly == null || consumedLocalOnly == consumedLocalOnly(r.info()))
                .filter(r -> isLocal == null || isLocal == r.isLocalTo(view))
                .map(r -> present(r, ex))
                .toList();
    }

    private void registerService(MecExchange ex) {
        AppInstanceRegistry.AppInstance app = apps.requireReady(ex.pathParam("appInstanceId"));
        ServiceInfo info = validated(ex.body(ServiceInfo.class));
        String host = app.hostName() != null ? app.hostName() : ex.hostName();
        ServiceRegistry.Registration r = registry.register(app.appInstanceId(), host, withDefaults(info));
        ServiceInfo body = present(r, ex);
        ex.created(body.links().self().href(), body);
    }

    private void updateService(MecExchange ex) {
        ServiceRegistry.Registration existing = requireOwnedService(ex);
        ServiceInfo info = validated(ex.body(ServiceInfo.class));
        if (info.serInstanceId() != null && !info.serInstanceId().equals(existing.id())) {
            throw MecProblemException.badRequest("serInstanceId " + info.serInstanceId()
                    + " does not match the addressed service " + existing.id());
        }
        ex.ok(present(registry.update(existing.id(), withDefaults(info)), ex));
    }

    private ServiceInfo validated(ServiceInfo info) {
        if ((info.transportId() == null) == (info.transportInfo() == null)) {
            throw MecProblemException.badRequest("exactly one of transportId and transportInfo is required");
        }
        if (info.transportId() != null && !info.transportId().equals(platformTransport().id())) {
            throw MecProblemException.badRequest("unknown transportId '" + info.transportId()
                    + "'; GET /transports lists the platform's transports");
        }
        if (info.livenessInterval() != null && info.livenessInterval() < 0) {
            throw MecProblemException.badRequest("livenessInterval must be >= 0");
        }
        return info;
    }

    private static ServiceInfo withDefaults(ServiceInfo info) {
        Integer liveness = info.livenessInterval() == null ? null
                : info.livenessInterval() > 0 ? info.livenessInterval() : DEFAULT_LIVENESS_INTERVAL;
        return new ServiceInfo(null, info.serName(), info.serCategory(), info.version(), info.state(),
                info.transportId(), info.transportInfo(), info.serializer(), scopeOf(info), consumedLocalOnly(info),
                null, liveness, null);
    }

    private static LocalityType scopeOf(ServiceInfo info) {
        return info.scopeOfLocality() == null ? LocalityType.MEC_HOST : info.scopeOfLocality();
    }

    private static boolean consumedLocalOnly(ServiceInfo info) {
        return info.consumedLocalOnly() == null || info.consumedLocalOnly();
    }

    private ServiceRegistry.Registration requireService(String id) {
        return registry.get(id).orElseThrow(() -> MecProblemException.notFound("no MEC service '" + id + "'"));
    }

    private ServiceRegistry.Registration requireOwnedService(MecExchange ex) {
        String app = apps.requireReady(ex.pathParam("appInstanceId")).appInstanceId();
        String id = ex.pathParam("serviceId");
        return registry.get(id).filter(r -> app.equals(r.owner())).orElseThrow(
                () -> MecProblemException.notFound("app instance '" + app + "' has no service '" + id + "'"));
    }

    private ServiceInfo present(ServiceRegistry.Registration r, MecExchange ex) {
        return present(r, ex.hostName(), ex.apiBaseUrl());
    }

    /** The registry entry as the given view sees it: {@code isLocal} and {@code _links} filled in. */
    static ServiceInfo present(ServiceRegistry.Registration r, String viewHost, String apiBase) {
        ServiceInfo i = r.info();
        String self = r.owner() == null ? apiBase + "/services/" + r.id()
                : apiBase + "/applications/" + r.owner() + "/services/" + r.id();
        LinkType liveness = i.livenessInterval() == null ? null : LinkType.of(apiBase + "/liveness/" + r.id());
        return new ServiceInfo(r.id(), i.serName(), i.serCategory(), i.version(), i.state(), i.transportId(),
                i.transportInfo(), i.serializer(), i.scopeOfLocality(), i.consumedLocalOnly(), r.isLocalTo(viewHost),
                i.livenessInterval(), new ServiceInfo.Links(LinkType.of(self), liveness));
    }

    private ServiceLivenessInfo liveness(ServiceRegistry.Registration r) {
        if (r.info().livenessInterval() == null) {
            throw MecProblemException.notFound("service '" + r.id() + "' was registered without heartbeats");
        }
        return new ServiceLivenessInfo(r.info().state(), TimeStamp.of(r.lastHeartbeat()),
                r.info().livenessInterval());
    }

    /** The one transport the platform offers: REST over HTTP at its base URL. */
    TransportInfo platformTransport() {
        return TransportInfo.restHttp("oneedge-rest-http", ctx.baseUrl());
    }

    // ---- subscriptions

    private void listSubscriptions(MecExchange ex) {
        String app = apps.requireReady(ex.pathParam("appInstanceId")).appInstanceId();
        List<SubscriptionLinkList.Subscription> links = subscriptions
                .matching(e -> app.equals(e.owner()) && e.visibleFrom(ex.hostName())).stream()
                .map(e -> new SubscriptionLinkList.Subscription(e.subscription().links().self().href(),
                        SerAvailabilityNotificationSubscription.TYPE))
                .toList();
        ex.ok(new SubscriptionLinkList(new SubscriptionLinkList.Links(
                LinkType.of(ex.href("/applications/" + app + "/subscriptions")), links)));
    }

    private void subscribe(MecExchange ex) {
        String app = apps.requireReady(ex.pathParam("appInstanceId")).appInstanceId();
        SerAvailabilityNotificationSubscription body = ex.body(SerAvailabilityNotificationSubscription.class);
        URI callback = CallbackUri.require("callbackReference", body.callbackReference());
        var entry = subscriptions.add(ex.hostName(), app, callback, null, id ->
                new SerAvailabilityNotificationSubscription(body.subscriptionType(), body.callbackReference(),
                        new SerAvailabilityNotificationSubscription.Links(
                                LinkType.of(ex.href("/applications/" + app + "/subscriptions/" + id))),
                        body.filteringCriteria()));
        ex.created(entry.subscription().links().self().href(), entry.subscription());
    }

    private SubscriptionRegistry.Entry<SerAvailabilityNotificationSubscription> requireSubscription(MecExchange ex) {
        String app = apps.requireReady(ex.pathParam("appInstanceId")).appInstanceId();
        String id = ex.pathParam("subscriptionId");
        return subscriptions.get(id, ex.hostName(), app).orElseThrow(
                () -> MecProblemException.notFound("app instance '" + app + "' has no subscription '" + id + "'"));
    }

    private void notifySubscribers(ChangeType change, ServiceRegistry.Registration r) {
        for (var entry : subscriptions.all()) {
            if (!matches(entry.subscription().filteringCriteria(), r, entry.hostName())) {
                continue;
            }
            String apiBase = viewBase(entry.hostName());
            ServiceInfo seen = present(r, entry.hostName(), apiBase);
            var reference = new ServiceAvailabilityNotification.ServiceReference(seen.links().self(),
                    seen.serName(), seen.serInstanceId(), seen.state(), change);
            ctx.notifications().send(entry.callback(), new ServiceAvailabilityNotification(
                    ServiceAvailabilityNotification.TYPE, List.of(reference),
                    new ServiceAvailabilityNotification.Links(entry.subscription().links().self())));
        }
    }

    private String viewBase(String hostName) {
        return ctx.baseUrl() + (hostName == null ? "" : "/" + hostName) + BASE_PATH;
    }

    /** A service offered for local consumption only is invisible from other MEC hosts' views (MEC 011 8.1.2.2). */
    static boolean visibleFrom(ServiceRegistry.Registration r, String viewHost) {
        return !consumedLocalOnly(r.info()) || r.isLocalTo(viewHost);
    }

    static boolean matches(FilteringCriteria f, ServiceRegistry.Registration r, String viewHost) {
        if (!visibleFrom(r, viewHost)) {
            return false;
        }
        if (f == null) {
            return true;
        }
        ServiceInfo i = r.info();
        if (f.serInstanceIds() != null && !f.serInstanceIds().isEmpty() && !f.serInstanceIds().contains(r.id())) {
            return false;
        }
        if (f.serNames() != null && !f.serNames().isEmpty() && !f.serNames().contains(i.serName())) {
            return false;
        }
        if (f.serCategories() != null && !f.serCategories().isEmpty() && (i.serCategory() == null
                || f.serCategories().stream().noneMatch(c -> Objects.equals(c.id(), i.serCategory().id())))) {
            return false;
        }
        if (f.states() != null && !f.states().isEmpty() && !f.states().contains(i.state())) {
            return false;
        }
        return f.isLocal() == null || f.isLocal() == r.isLocalTo(viewHost);
    }

    /** The category the platform uses for its own services. */
    public static CategoryRef platformCategory(String apiUrl, String name, String version) {
        return new CategoryRef(apiUrl, name, name, version);
    }
}
