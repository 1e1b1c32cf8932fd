package org.oneedge.mec.platform.lcm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.oneedge.mec.api.appsupport.AppInfo;
import org.oneedge.mec.api.appsupport.OperationActionType;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.common.TimeStamp;
import org.oneedge.mec.api.lcm.AppInstNotification;
import org.oneedge.mec.api.lcm.AppInstanceIdentifierNotification;
import org.oneedge.mec.api.lcm.AppInstanceInfo;
import org.oneedge.mec.api.lcm.AppInstanceState;
import org.oneedge.mec.api.lcm.AppInstanceSubscriptionFilter;
import org.oneedge.mec.api.lcm.AppLcmOpOcc;
import org.oneedge.mec.api.lcm.AppLcmOpOccNotification;
import org.oneedge.mec.api.lcm.AppLcmOpOccSubscriptionFilter;
import org.oneedge.mec.api.lcm.AppOperationalState;
import org.oneedge.mec.api.lcm.AppPkgOperationalState;
import org.oneedge.mec.api.lcm.CreateAppInstanceRequest;
import org.oneedge.mec.api.lcm.InstantiateAppRequest;
import org.oneedge.mec.api.lcm.InstantiationState;
import org.oneedge.mec.api.lcm.LcmOperation;
import org.oneedge.mec.api.lcm.LcmSubscription;
import org.oneedge.mec.api.lcm.LinkList;
import org.oneedge.mec.api.lcm.MECHostInformation;
import org.oneedge.mec.api.lcm.OperateAppRequest;
import org.oneedge.mec.api.lcm.OperationState;
import org.oneedge.mec.api.lcm.StopType;
import org.oneedge.mec.api.lcm.TerminateAppRequest;
import org.oneedge.mec.platform.CallbackUri;
import org.oneedge.mec.platform.MecApi;
import org.oneedge.mec.platform.MecPlatformContext;
import org.oneedge.mec.platform.SubscriptionRegistry;
import org.oneedge.mec.platform.appsupport.AppInstanceRegistry;
import org.oneedge.mec.platform.http.MecExchange;
import org.oneedge.mec.platform.http.Routes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * MEC 010-2 application lifecycle management ({@code /app_lcm/v1}, MEC01002_AppLcm.yaml), subset: app instance
 * identifiers, instantiate / operate / terminate as asynchronous operation occurrences ({@code app_lcm_op_occs}), and
 * the four LCM subscription types with their notifications. The work is done by the {@link AppInstantiator} SPI.
 *
 * <pre>
 *   POST /app_instances/{id}/instantiate -> 202 + Location: app_lcm_op_occs/{opId}   (STARTING)
 *        virtual thread: PROCESSING -> register MEC 011 app instance -> AppInstantiator.instantiate
 *                        -> COMPLETED (INSTANTIATED, STARTED)  or  FAILED (NOT_INSTANTIATED)
 *   terminate GRACEFUL: AppTerminationNotification (MEC 011) -> confirm_termination / timeout -> terminate
 * </pre>
 */
public final class AppLcmApi implements MecApi {

    public static final String BASE_PATH = "/app_lcm/v1";
    private static final Logger LOG = LoggerFactory.getLogger(AppLcmApi.class);
    private static final String[] IGNORED_SELECTORS = {"all_fields", "fields", "exclude_fields", "exclude_default"};

    /** Mutable lifecycle state of one instance; guarded by its own monitor. */
    private static final class Instance {
        final String id;
        final String appInstanceName;
        final String appInstanceDescription;
        final AppPackageStore.AppPackage pkg;
        final long order;
        InstantiationState instantiationState = InstantiationState.NOT_INSTANTIATED;
        AppOperationalState operationalState;
        String hostName;
        boolean busy;

        Instance(String id, String name, String description, AppPackageStore.AppPackage pkg, long order) {
            this.id = id;
            this.appInstanceName = name;
            this.appInstanceDescription = description;
            this.pkg = pkg;
            this.order = order;
        }
    }

    private record OpOcc(String id, String appInstanceId, LcmOperation operation, OperationState state,
                         Instant startTime, Instant stateEnteredTime, JsonNode params, long order) {
        OpOcc with(OperationState newState, Instant at) {
            return new OpOcc(id, appInstanceId, operation, newState, startTime, at, params, order);
        }
    }

    private final MecPlatformContext ctx;
    private final AppPackageStore packages;
    private final AppInstanceRegistry apps;
    private final AppInstantiator instantiator;
    private final Map<String, Instance> instances = new ConcurrentHashMap<>();
    private final Map<String, OpOcc> opOccs = new ConcurrentHashMap<>();
    private final AtomicLong order = new AtomicLong();
    private final SubscriptionRegistry<LcmSubscription> subscriptions;

    public AppLcmApi(MecPlatformContext ctx, AppPackageStore packages, AppInstantiator instantiator) {
        this.ctx = ctx;
        this.packages = packages;
        this.apps = ctx.appInstances();
        this.instantiator = instantiator;
        this.subscriptions = ctx.newSubscriptionRegistry("lcmsub-");
    }

    @Override
    public String basePath() {
        return BASE_PATH;
    }

    /** Whether app instances created from this AppD exist (package {@code usageState} IN_USE). */
    public boolean isInUse(String appDId) {
        return instances.values().stream().anyMatch(i -> i.pkg.appDId().equals(appDId));
    }

    @Override
    public void register(Routes routes) {
        routes.post("/app_instances", this::create);
        routes.get("/app_instances", ex -> {
            ex.allowOnlyQueryParams(IGNORED_SELECTORS);
            ex.ok(instances.values().stream().sorted(Comparator.comparingLong(i -> i.order))
                    .map(i -> present(i, ex.apiBaseUrl())).toList());
        });
        routes.get("/app_instances/{appInstanceId}", ex -> ex.ok(present(require(ex), ex.apiBaseUrl())));
        routes.delete("/app_instances/{appInstanceId}", ex -> {
            Instance i = require(ex);
            synchronized (i) {
                if (i.busy || i.instantiationState != InstantiationState.NOT_INSTANTIATED) {
                    throw MecProblemException.conflict("app instance '" + i.id
                            + "' must be NOT_INSTANTIATED to be deleted; terminate it first");
                }
                instances.remove(i.id);
            }
            notifyIdentifier(LcmSubscription.APP_IDENTIFIER_DELETION, i);
            ex.noContent();
        });
        routes.post("/app_instances/{appInstanceId}/instantiate", this::instantiate);
        routes.post("/app_instances/{appInstanceId}/operate", this::operate);
        routes.post("/app_instances/{appInstanceId}/terminate", this::terminate);
        routes.get("/app_lcm_op_occs", ex -> {
            ex.allowOnlyQueryParams(IGNORED_SELECTORS);
            ex.ok(opOccs.values().stream().sorted(Comparator.comparingLong(OpOcc::order))
                    .map(o -> present(o, ex.apiBaseUrl())).toList());
        });
        routes.get("/app_lcm_op_occs/{appLcmOpOccId}", ex -> {
            String id = ex.pathParam("appLcmOpOccId");
            OpOcc o = Optional.ofNullable(opOccs.get(id)).orElseThrow(
                    () -> MecProblemException.notFound("no app LCM operation occurrence '" + id + "'"));
            ex.ok(present(o, ex.apiBaseUrl()));
        });
        routes.post("/subscriptions", this::subscribe);
        routes.get("/subscriptions", ex -> {
            String type = ex.queryParam("subscription_type");
            ex.allowOnlyQueryParams("subscription_type");
            ex.ok(new LinkList(new LinkList.Links(LinkType.of(ex.href("/subscriptions")),
                    subscriptions.matching(e -> e.visibleFrom(ex.hostName())
                                    && (type == null || type.equals(e.subscription().subscriptionType()))).stream()
                            .map(e -> new LinkList.Subscription(e.subscription().links().self().href(),
                                    e.subscription().subscriptionType())).toList())));
        });
        routes.get("/subscriptions/{subscriptionId}", ex -> ex.ok(requireSubscription(ex).subscription()));
        routes.delete("/subscriptions/{subscriptionId}", ex -> {
            subscriptions.remove(requireSubscription(ex).id());
            ex.noContent();
        });
    }

    // ---- instance identifiers

    private void create(MecExchange ex) {
        CreateAppInstanceRequest request = ex.body(CreateAppInstanceRequest.class);
        AppPackageStore.AppPackage pkg = packages.get(request.appDId()).orElseThrow(() ->
                MecProblemException.badRequest("no onboarded application package with appDId '" + request.appDId()
                        + "'"));
        if (pkg.operationalState() != AppPkgOperationalState.ENABLED) {
            throw MecProblemException.conflict("application package '" + pkg.appDId() + "' is DISABLED");
        }
        Instance i = new Instance(UUID.randomUUID().toString(), request.appInstanceName(),
                request.appInstanceDescription(), pkg, order.incrementAndGet());
        instances.put(i.id, i);
        notifyIdentifier(LcmSubscription.APP_IDENTIFIER_CREATION, i);
        AppInstanceInfo body = present(i, ex.apiBaseUrl());
        ex.created(body.links().self().href(), body);
    }

    private Instance require(MecExchange ex) {
        String id = ex.pathParam("appInstanceId");
        return Optional.ofNullable(instances.get(id))
                .orElseThrow(() -> MecProblemException.notFound("no app instance '" + id + "'"));
    }

    private AppInstanceInfo present(Instance i, String apiBase) {
        synchronized (i) {
            String self = apiBase + "/app_instances/" + i.id;
            boolean instantiated = i.instantiationState == InstantiationState.INSTANTIATED;
            return new AppInstanceInfo(i.id, i.appInstanceName, i.appInstanceDescription, i.pkg.appDId(),
                    i.pkg.appProvider(), i.pkg.appName(), i.pkg.appSoftwareVersion(), i.pkg.appDVersion(), i.pkg.id(),
                    i.instantiationState, instantiated ? new AppInstanceInfo.InstantiatedAppState(i.operationalState,
                    null) : null, null,
                    new AppInstanceInfo.Links(LinkType.of(self),
                            instantiated ? null : LinkType.of(self + "/instantiate"),
                            instantiated ? LinkType.of(self + "/terminate") : null,
                            instantiated ? LinkType.of(self + "/operate") : null, null));
        }
    }

    // ---- operations

    private void instantiate(MecExchange ex) {
        Instance i = require(ex);
        InstantiateAppRequest request = ex.body(InstantiateAppRequest.class);
        String host = selectHost(request.selectedMECHostInfo());
        synchronized (i) {
            if (i.busy || i.instantiationState != InstantiationState.NOT_INSTANTIATED) {
                throw MecProblemException.conflict("app instance '" + i.id + "' is already instantiated or busy");
            }
            if (packages.get(i.pkg.appDId()).map(p -> p.operationalState() != AppPkgOperationalState.ENABLED)
                    .orElse(true)) {
                throw MecProblemException.conflict("application package '" + i.pkg.appDId()
                        + "' is DISABLED or deleted");
            }
            i.busy = true;
            i.hostName = host;
        }
        OpOcc op = startOperation(i, LcmOperation.INSTANTIATE, ctx.mapper().valueToTree(request.inFileEncoding()));
        ex.accepted(ex.href("/app_lcm_op_occs/" + op.id()), null);
        runAsync(i, op, () -> {
            apps.add(i.id, host, new AppInfo(i.pkg.appName(), i.pkg.appProvider(), null, i.pkg.appDId(), i.id, null,
                    null, null, null, null, true, null));
            apps.setDnsRules(i.id, dnsRulesOf(i.pkg.appD()));
            try {
                instantiator.instantiate(deployment(i));
            } catch (Exception e) {
                apps.remove(i.id);
                throw e;
            }
            synchronized (i) {
                i.instantiationState = InstantiationState.INSTANTIATED;
                i.operationalState = AppOperationalState.STARTED;
            }
            return AppInstanceState.STARTED;
        }, () -> {
            synchronized (i) {
                i.hostName = null;
            }
        });
    }

    /** MEC 011 {@code DnsRule}s (state ACTIVE) from the AppD's {@code appDNSRule} descriptors (010-2 AppD). */
    private List<ObjectNode> dnsRulesOf(JsonNode appD) {
        List<ObjectNode> rules = new ArrayList<>();
        if (appD != null && appD.path("appDNSRule").isArray()) {
            for (JsonNode d : appD.get("appDNSRule")) {
                if (d.isObject() && d.hasNonNull("dnsRuleId")) {
                    rules.add(((ObjectNode) d.deepCopy()).put("state", "ACTIVE"));
                }
            }
        }
        return rules;
    }

    private String selectHost(List<MECHostInformation> hosts) {
        for (MECHostInformation h : hosts) {
            String name = h.effectiveHostName();
            if (name != null && ctx.isKnownHost(name)) {
                return name;
            }
        }
        throw MecProblemException.badRequest("selectedMECHostInfo names no known MEC host; known hosts are "
                + ctx.hostNames());
    }

    private void operate(MecExchange ex) {
        Instance i = require(ex);
        OperateAppRequest request = ex.body(OperateAppRequest.class);
        reserve(i, "operate");
        synchronized (i) {
            if (i.operationalState == request.changeStateTo()) {
                i.busy = false;
                throw MecProblemException.conflict("app instance '" + i.id + "' is already "
                        + request.changeStateTo());
            }
        }
        OpOcc op = startOperation(i, LcmOperation.OPERATE, ctx.mapper().valueToTree(request));
        ex.accepted(ex.href("/app_lcm_op_occs/" + op.id()), null);
        runAsync(i, op, () -> {
            if (request.changeStateTo() == AppOperationalState.STOPPED) {
                if (request.stopType() == StopType.GRACEFUL) {
                    apps.requestShutdown(i.id, OperationActionType.STOPPING,
                            grace(request.gracefulStopTimeout())).join();
                } else {
                    apps.stopped(i.id);
                }
                instantiator.stop(deployment(i));
                setOperational(i, AppOperationalState.STOPPED);
                return AppInstanceState.STOPPED;
            }
            instantiator.start(deployment(i));
            apps.restart(i.id);
            setOperational(i, AppOperationalState.STARTED);
            return AppInstanceState.STARTED;
        }, () -> { });
    }

    private void terminate(MecExchange ex) {
        Instance i = require(ex);
        TerminateAppRequest request = ex.body(TerminateAppRequest.class);
        reserve(i, "terminate");
        OpOcc op = startOperation(i, LcmOperation.TERMINATE, ctx.mapper().valueToTree(request));
        ex.accepted(ex.href("/app_lcm_op_occs/" + op.id()), null);
        runAsync(i, op, () -> {
            if (request.terminationType() == StopType.GRACEFUL && apps.get(i.id).isPresent()) {
                apps.requestShutdown(i.id, OperationActionType.TERMINATING,
                        grace(request.gracefulTerminationTimeout())).join();
            }
            apps.remove(i.id);
            instantiator.terminate(deployment(i));
            synchronized (i) {
                i.instantiationState = InstantiationState.NOT_INSTANTIATED;
                i.operationalState = null;
                i.hostName = null;
            }
            return AppInstanceState.NOT_INSTANTIATED;
        }, () -> { });
    }

    private void reserve(Instance i, String what) {
        synchronized (i) {
            if (i.busy || i.instantiationState != InstantiationState.INSTANTIATED) {
                throw MecProblemException.conflict("cannot " + what + " app instance '" + i.id + "': it is "
                        + (i.busy ? "busy with another operation" : i.instantiationState));
            }
            i.busy = true;
        }
    }

    private static void setOperational(Instance i, AppOperationalState state) {
        synchronized (i) {
            i.operationalState = state;
        }
    }

    private Duration grace(Integer seconds) {
        return seconds == null || seconds <= 0 ? apps.gracePeriod() : Duration.ofSeconds(seconds);
    }

    private AppInstanceDeployment deployment(Instance i) {
        String host;
        synchronized (i) {
            host = i.hostName;
        }
        return new AppInstanceDeployment(i.id, i.pkg.appDId(), i.pkg.appName(), i.pkg.appProvider(),
                i.pkg.appSoftwareVersion(), host, host == null ? ctx.baseUrl() : ctx.baseUrl() + "/" + host,
                i.pkg.appD(), i.pkg.userDefinedData());
    }

    /** The body of an operation; returns the instance state to announce. */
    private interface Work {
        AppInstanceState run() throws Exception;
    }

    private OpOcc startOperation(Instance i, LcmOperation operation, JsonNode params) {
        Instant now = ctx.clock().instant();
        OpOcc op = new OpOcc(UUID.randomUUID().toString(), i.id, operation, OperationState.STARTING, now, now, params,
                order.incrementAndGet());
        opOccs.put(op.id(), op);
        notifyOpOcc(op, i);
        return op;
    }

    private void runAsync(Instance i, OpOcc op, Work work, Runnable onFailure) {
        Thread.ofVirtual().name("mec-lcm-" + op.operation() + "-" + i.id).start(() -> {
            OpOcc current = transition(op, OperationState.PROCESSING, i);
            try {
                AppInstanceState state = work.run();
                synchronized (i) {
                    i.busy = false;
                }
                transition(current, OperationState.COMPLETED, i);
                notifyInstanceState(i, state);
                LOG.debug("MEC app instance {} {} completed", i.id, op.operation());
            } catch (Exception e) {
                onFailure.run();
                synchronized (i) {
                    i.busy = false;
                }
                transition(current, OperationState.FAILED, i);
                LOG.warn("MEC app instance {} {} failed: {}", i.id, op.operation(), e.toString());
            }
        });
    }

    private OpOcc transition(OpOcc op, OperationState state, Instance i) {
        OpOcc next = op.with(state, ctx.clock().instant());
        opOccs.put(next.id(), next);
        notifyOpOcc(next, i);
        return next;
    }

    private AppLcmOpOcc present(OpOcc o, String apiBase) {
        return new AppLcmOpOcc(o.id(), o.state(), TimeStamp.of(o.stateEnteredTime()), TimeStamp.of(o.startTime()),
                o.operation(), o.params(), false, null, new AppLcmOpOcc.Links(
                LinkType.of(apiBase + "/app_lcm_op_occs/" + o.id()),
                LinkType.of(apiBase + "/app_instances/" + o.appInstanceId())));
    }

    // ---- subscriptions and notifications

    private void subscribe(MecExchange ex) {
        LcmSubscription body = ex.body(LcmSubscription.class);
        var callback = CallbackUri.require("callbackUri", body.callbackUri());
        var entry = subscriptions.add(ex.hostName(), null, callback, null, id -> new LcmSubscription(id,
                body.subscriptionType(), body.callbackUri(), body.appInstanceState(),
                body.appInstanceSubscriptionFilter(), body.appLcmOpOccSubscriptionFilter(),
                new LcmSubscription.Links(LinkType.of(ex.href("/subscriptions/" + id)))));
        ex.created(entry.subscription().links().self().href(), entry.subscription());
    }

    private SubscriptionRegistry.Entry<LcmSubscription> requireSubscription(MecExchange ex) {
        String id = ex.pathParam("subscriptionId");
        return subscriptions.get(id, ex.hostName(), null)
                .orElseThrow(() -> MecProblemException.notFound("no LCM subscription '" + id + "'"));
    }

    private String viewBase(String hostName) {
        return ctx.baseUrl() + (hostName == null ? "" : "/" + hostName) + BASE_PATH;
    }

    private void notifyOpOcc(OpOcc op, Instance i) {
        String notificationId = UUID.randomUUID().toString();
        for (var e : subscriptions.all()) {
            LcmSubscription s = e.subscription();
            if (!LcmSubscription.APP_LCM_OP_OCC_STATE_CHANGE.equals(s.subscriptionType())) {
                continue;
            }
            AppLcmOpOccSubscriptionFilter f = s.appLcmOpOccSubscriptionFilter();
            if (f != null && ((f.operationTypes() != null && f.operationTypes() != op.operation())
                    || (f.operationStates() != null && f.operationStates() != op.state())
                    || !selects(f.appInstanceSubscriptionFilter(), i))) {
                continue;
            }
            String base = viewBase(e.hostName());
            ctx.notifications().send(e.callback(), new AppLcmOpOccNotification(notificationId,
                    LcmSubscription.APP_LCM_OP_OCC_STATE_CHANGE, op.operation(), op.state(), e.id(),
                    TimeStamp.of(ctx.clock().instant()), op.id(), i.id, new AppLcmOpOccNotification.Links(
                    LinkType.of(base + "/app_instances/" + i.id), s.links().self(),
                    LinkType.of(base + "/app_lcm_op_occs/" + op.id()))));
        }
    }

    private void notifyInstanceState(Instance i, AppInstanceState state) {
        String notificationId = UUID.randomUUID().toString();
        for (var e : subscriptions.all()) {
            LcmSubscription s = e.subscription();
            if (!LcmSubscription.APP_INSTANCE_STATE_CHANGE.equals(s.subscriptionType())
                    || (s.appInstanceState() != null && s.appInstanceState() != state)
                    || !selects(s.appInstanceSubscriptionFilter(), i)) {
                continue;
            }
            ctx.notifications().send(e.callback(), new AppInstNotification(notificationId,
                    LcmSubscription.APP_INSTANCE_STATE_CHANGE, state, e.id(), TimeStamp.of(ctx.clock().instant()),
                    i.id, i.pkg.id(), i.pkg.appDId(), new AppInstNotification.Links(s.links().self())));
        }
    }

    private void notifyIdentifier(String type, Instance i) {
        String notificationId = UUID.randomUUID().toString();
        for (var e : subscriptions.all()) {
            LcmSubscription s = e.subscription();
            if (!type.equals(s.subscriptionType()) || !selects(s.appInstanceSubscriptionFilter(), i)) {
                continue;
            }
            ctx.notifications().send(e.callback(), new AppInstanceIdentifierNotification(notificationId, type, e.id(),
                    TimeStamp.of(ctx.clock().instant()), i.id, new AppInstanceIdentifierNotification.Links(
                    s.links().self(), LinkType.of(viewBase(e.hostName()) + "/app_instances/" + i.id))));
        }
    }

    private static boolean selects(AppInstanceSubscriptionFilter f, Instance i) {
        if (f == null) {
            return true;
        }
        List<String> values = f.appInstances() == null ? List.of() : f.appInstances();
        return switch (f.appInstSelectorType()) {
            case VOID -> true;
            case APP_IDENTITY -> values.contains(i.id);
            case APP_NAME -> values.contains(i.pkg.appName());
            case APP_D_ID -> values.contains(i.pkg.appDId());
            case APP_FROM_PROVIDER -> f.appsFromProviders() == null || f.appsFromProviders().findValuesAsText(
                    "appProvider").contains(i.pkg.appProvider());
        };
    }
}
