package org.oneedge.mec.platform.ams;

import com.fasterxml.jackson.databind.JsonNode;
import org.oneedge.mec.api.ams.AdjacentAppInfoNotification;
import org.oneedge.mec.api.ams.AdjacentAppInfoSubscription;
import org.oneedge.mec.api.ams.AdjacentAppInstanceInfo;
import org.oneedge.mec.api.ams.AmsSubscription;
import org.oneedge.mec.api.ams.AppMobilityServiceLevel;
import org.oneedge.mec.api.ams.AssociateId;
import org.oneedge.mec.api.ams.CommunicationInterface;
import org.oneedge.mec.api.ams.ContextTransferState;
import org.oneedge.mec.api.ams.DeviceInformation;
import org.oneedge.mec.api.ams.MobilityProcedureNotification;
import org.oneedge.mec.api.ams.MobilityProcedureSubscription;
import org.oneedge.mec.api.ams.MobilityStatus;
import org.oneedge.mec.api.ams.RegistrationInfo;
import org.oneedge.mec.api.ams.SelfLinks;
import org.oneedge.mec.api.ams.SubscriptionLinkList;
import org.oneedge.mec.api.ams.SubscriptionLinks;
import org.oneedge.mec.api.ams.TargetAppInfo;
import org.oneedge.mec.api.common.ExpiryNotification;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.common.TimeStamp;
import org.oneedge.mec.platform.MecApi;
import org.oneedge.mec.platform.MecPlatformContext;
import org.oneedge.mec.platform.MecServiceDescription;
import org.oneedge.mec.platform.SubscriptionRegistry;
import org.oneedge.mec.platform.appsupport.AppInstanceRegistry;
import org.oneedge.mec.platform.emulator.Emulator;
import org.oneedge.mec.platform.emulator.EmulatorEvent;
import org.oneedge.mec.platform.emulator.EmulatorListener;
import org.oneedge.mec.api.ams.WebsockNotifConfig;
import org.oneedge.mec.platform.http.MecExchange;
import org.oneedge.mec.platform.http.NotificationTarget;
import org.oneedge.mec.platform.http.Routes;
import org.oneedge.mec.platform.rni.RniApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * MEC 021 Application Mobility Service API ({@code /amsi/v1}, MEC021_AppMobilityService.yaml 2.2.1), driven by the
 * {@link Emulator}'s MEC host changes: MEC-assisted user-context transfer between instances of the same application
 * on different hosts (MEC 021 8.2, as AdvantEDGE drives it, MEC-DIGEST 5.3).
 *
 * <pre>
 *   app-1@mec-host-1 registers device 10.0.0.1, subscribes MobilityProcedureSubscription(appInstanceId app-1@...)
 *   Emulator HostChange(10.0.0.1: mec-host-1 → mec-host-2)
 *     └▶ MobilityProcedureNotification(mobilityStatus 1 TRIGGERED, targetAppInfo.appInstanceId = app-1's sibling on
 *        mec-host-2)                      (status 3 FAILED if the application has no instance there)
 *   app-1 moves the context, then PUT /app_mobility_services/{id} with the device's contextTransferState = 1
 *     └▶ MobilityProcedureNotification(mobilityStatus 2 COMPLETED, same targetAppInfo) to source and target
 * </pre>
 *
 * Enumerations are sent as the file's integers; {@code appMobilityServiceLevel} as the file's object, and
 * {@code associateId} as the file's string. Instances of one application are found in the
 * {@link AppInstanceDirectory} and, failing that, among the platform's MEC 011 app instances (same {@code appDId}
 * or {@code appName}); an instance registering from a host view ({@code /{host}/amsi/v1}) is recorded on that
 * host. Bodies wrapped in their type name ({@code {"RegistrationInfo": {...}}}) are accepted.
 */
public final class AmsApi implements MecApi, EmulatorListener {

    public static final String BASE_PATH = "/amsi/v1";
    private static final Logger LOG = LoggerFactory.getLogger(AmsApi.class);

    /** A stored registration, the MEC host view it was made in and its expiry. */
    private record Registration(RegistrationInfo info, String hostName, Instant expiresAt) {
    }

    /** A relocation announced with TRIGGERED and not yet completed. */
    private record Pending(String registrationId, String source, String target) {
    }

    private final MecPlatformContext ctx;
    private final Emulator emulator;
    private final AppInstanceDirectory directory;
    private final Map<String, Registration> registrations = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    /** Instances AMS put into the directory itself (only those are removed again on deregistration). */
    private final java.util.Set<String> learned = ConcurrentHashMap.newKeySet();
    private final SubscriptionRegistry<AmsSubscription> subscriptions;
    private ScheduledFuture<?> expiryTask;

    public AmsApi(MecPlatformContext ctx, Emulator emulator, AppInstanceDirectory directory) {
        this.ctx = ctx;
        this.emulator = emulator;
        this.directory = Objects.requireNonNull(directory, "directory");
        this.subscriptions = ctx.newSubscriptionRegistry("sub-");
        subscriptions.onExpiry(entry -> ctx.notifications().send(entry.callback(),
                ExpiryNotification.of(TimeStamp.of(ctx.clock().instant()), TimeStamp.of(entry.expiryDeadline()),
                        entry.subscription().links().self().href())));
        directory.onChange(this::adjacencyChanged);
    }

    /** A factory with its own {@link AppInstanceDirectory}. */
    public static Factory factory(Emulator emulator) {
        return factory(emulator, new AppInstanceDirectory());
    }

    /** A factory sharing {@code directory} with whoever instantiates applications. */
    public static Factory factory(Emulator emulator, AppInstanceDirectory directory) {
        return ctx -> new AmsApi(ctx, emulator, directory);
    }

    public AppInstanceDirectory directory() {
        return directory;
    }

    @Override
    public String basePath() {
        return BASE_PATH;
    }

    @Override
    public Optional<MecServiceDescription> service() {
        return Optional.of(new MecServiceDescription("ams", "AMS", "v1"));
    }

    @Override
    public void start() {
        emulator.addListener(this);
        expiryTask = ctx.scheduler().scheduleWithFixedDelay(this::expireRegistrations, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        emulator.removeListener(this);
        if (expiryTask != null) {
            expiryTask.cancel(false);
        }
    }

    @Override
    public void register(Routes routes) {
        routes.get("/app_mobility_services", this::listRegistrations);
        routes.post("/app_mobility_services", this::createRegistration);
        routes.get("/app_mobility_services/{appMobilityServiceId}", ex -> {
            ex.allowOnlyQueryParams();
            ex.ok(requireRegistration(ex).info());
        });
        routes.put("/app_mobility_services/{appMobilityServiceId}", this::replaceRegistration);
        routes.delete("/app_mobility_services/{appMobilityServiceId}", ex -> {
            deregister(requireRegistration(ex).info().appMobilityServiceId());
            ex.noContent();
        });
        routes.post("/app_mobility_services/{appMobilityServiceId}/deregister_task", ex -> {
            deregister(requireRegistration(ex).info().appMobilityServiceId());
            ex.noContent();
        });
        routes.get("/queries/adjacent_app_instances", this::adjacentAppInstances);
        routes.get("/subscriptions", this::listSubscriptions);
        routes.post("/subscriptions", this::createSubscription);
        routes.get("/subscriptions/{subscriptionId}", ex -> ex.ok(requireSubscription(ex).subscription()));
        routes.put("/subscriptions/{subscriptionId}", this::replaceSubscription);
        routes.delete("/subscriptions/{subscriptionId}", ex -> {
            SubscriptionRegistry.Entry<AmsSubscription> entry = requireSubscription(ex);
            subscriptions.remove(entry.id());
            ctx.notifications().release(entry.callback());
            ex.noContent();
        });
    }

    // ------------------------------------------------------------------ registrations

    private static final String[] LIST_PARAMS = {"filter", "all_fields", "fields", "exclude_fields",
            "exclude_default"};

    private void listRegistrations(MecExchange ex) {
        ex.allowOnlyQueryParams(LIST_PARAMS);
        AttributeFilter filter = AttributeFilter.parse(ex.queryParam("filter"));
        Instant now = ctx.clock().instant();
        ex.ok(registrations.values().stream()
                .filter(r -> ex.hostName() == null || ex.hostName().equals(r.hostName()))
                .filter(r -> r.expiresAt() == null || r.expiresAt().isAfter(now))
                .map(Registration::info)
                .sorted(Comparator.comparing(RegistrationInfo::appMobilityServiceId))
                .filter(r -> filter.test(ctx.mapper().valueToTree(r)))
                .toList());
    }

    private RegistrationInfo readRegistration(MecExchange ex) {
        JsonNode body = ex.bodyTree();
        if (body.isObject() && body.has("RegistrationInfo") && body.size() == 1) {
            body = body.get("RegistrationInfo");
        }
        RegistrationInfo info = ex.convert(body, RegistrationInfo.class);
        if (info.serviceConsumerId().appInstanceId() == null) {
            throw MecProblemException.badRequest("serviceConsumerId.appInstanceId is required (registration by a "
                    + "MEC platform, mepId, is not supported)");
        }
        return info;
    }

    private void createRegistration(MecExchange ex) {
        RegistrationInfo info = readRegistration(ex);
        if (info.appMobilityServiceId() != null) {
            throw MecProblemException.badRequest("appMobilityServiceId shall be absent in POST requests");
        }
        String id = UUID.randomUUID().toString();
        RegistrationInfo stored = normalise(info.withId(id));
        String app = stored.serviceConsumerId().appInstanceId();
        Optional<AppInstanceDirectory.AppInstance> known = directory.find(app);
        Optional<AppInstanceRegistry.AppInstance> mec011 = ctx.appInstances().get(app);
        if (known.isEmpty() || (ex.hostName() != null && !ex.hostName().equals(known.get().hostName()))) {
            String appDId = known.map(AppInstanceDirectory.AppInstance::appDId)
                    .or(() -> mec011.map(AmsApi::appDIdOf))
                    .orElse(AppInstanceDirectory.appDIdByConvention(app));
            String host = ex.hostName() != null ? ex.hostName()
                    : known.map(AppInstanceDirectory.AppInstance::hostName)
                    .or(() -> mec011.map(AppInstanceRegistry.AppInstance::hostName)).orElse(null);
            if (known.isEmpty()) {
                learned.add(app);
            }
            directory.register(app, appDId, host);
        }
        registrations.put(id, new Registration(stored, ex.hostName(), expiry(stored)));
        LOG.info("AMS registration {} of app instance {} ({} devices) on host {}", id, app,
                stored.deviceInformation() == null ? 0 : stored.deviceInformation().size(), ex.hostName());
        ex.created(ex.href("/app_mobility_services/" + id), stored);
    }

    /** The application a MEC 011 app instance belongs to: its {@code appDId}, else its {@code appName}. */
    private static String appDIdOf(AppInstanceRegistry.AppInstance app) {
        return app.info().appDId() != null ? app.info().appDId() : app.info().appName();
    }

    /**
     * The instance of {@code appDId} on {@code host}: one known to AMS, else one the platform knows from MEC 011 /
     * 010-2 (an app that registered with MEC 011 on that host but not with AMS).
     */
    private Optional<String> instanceOn(String appDId, String host) {
        return directory.instanceOn(appDId, host).map(AppInstanceDirectory.AppInstance::appInstanceId)
                .or(() -> ctx.appInstances().all().stream()
                        .filter(a -> host.equals(a.hostName()) && appDId.equals(appDIdOf(a)))
                        .map(AppInstanceRegistry.AppInstance::appInstanceId).findFirst());
    }

    private RegistrationInfo normalise(RegistrationInfo info) {
        if (info.deviceInformation() == null) {
            return info;
        }
        return info.withDevices(info.deviceInformation().stream()
                .map(d -> d.contextTransferState() == null
                        ? d.withContextTransferState(ContextTransferState.NOT_TRANSFERRED) : d)
                .toList());
    }

    private Instant expiry(RegistrationInfo info) {
        return info.expiryTime() == null || info.expiryTime() == 0 ? null
                : ctx.clock().instant().plusSeconds(info.expiryTime());
    }

    private void replaceRegistration(MecExchange ex) {
        Registration existing = requireRegistration(ex);
        RegistrationInfo info = readRegistration(ex);
        String id = existing.info().appMobilityServiceId();
        if (info.appMobilityServiceId() != null && !info.appMobilityServiceId().equals(id)) {
            throw MecProblemException.badRequest("appMobilityServiceId " + info.appMobilityServiceId()
                    + " does not match the resource " + id);
        }
        if (!info.serviceConsumerId().equals(existing.info().serviceConsumerId())) {
            throw MecProblemException.badRequest("serviceConsumerId cannot change");
        }
        RegistrationInfo stored = normalise(info.withId(id));
        registrations.put(id, new Registration(stored, existing.hostName(), expiry(stored)));
        ex.ok(stored);
        for (DeviceInformation d : stored.deviceInformation() == null ? List.<DeviceInformation>of()
                : stored.deviceInformation()) {
            if (d.contextTransferState() == ContextTransferState.USER_CONTEXT_TRANSFER_COMPLETED
                    && !wasCompleted(existing.info(), d.associateId())) {
                contextTransferred(stored, d.associateId());
            }
        }
    }

    private static boolean wasCompleted(RegistrationInfo before, AssociateId device) {
        return before.deviceInformation() != null && before.deviceInformation().stream()
                .anyMatch(d -> d.associateId().equals(device)
                        && d.contextTransferState() == ContextTransferState.USER_CONTEXT_TRANSFER_COMPLETED);
    }

    private void contextTransferred(RegistrationInfo registration, AssociateId device) {
        String source = registration.serviceConsumerId().appInstanceId();
        Pending p = pending.remove(source + "|" + device.value());
        if (p == null) {
            LOG.debug("AMS: context of {} reported transferred by {} without a pending relocation", device.value(),
                    source);
            return;
        }
        LOG.info("AMS relocation of {} from {} to {} completed", device.value(), p.source(), p.target());
        notifyMobility(device, MobilityStatus.INTERHOST_MOVEOUT_COMPLETED, p.target(), emulator.now(),
                List.of(p.source(), p.target()));
    }

    private void deregister(String id) {
        Registration removed = registrations.remove(id);
        if (removed == null) {
            return;
        }
        String app = removed.info().serviceConsumerId().appInstanceId();
        pending.keySet().removeIf(k -> k.startsWith(app + "|"));
        if (registrations.values().stream().noneMatch(r -> app.equals(r.info().serviceConsumerId()
                .appInstanceId())) && learned.remove(app)) {
            directory.remove(app);
        }
        LOG.info("AMS registration {} of app instance {} removed", id, app);
    }

    private void expireRegistrations() {
        Instant now = ctx.clock().instant();
        registrations.values().stream().filter(r -> r.expiresAt() != null && !r.expiresAt().isAfter(now))
                .map(r -> r.info().appMobilityServiceId()).toList().forEach(this::deregister);
    }

    private Registration requireRegistration(MecExchange ex) {
        String id = ex.pathParam("appMobilityServiceId");
        Registration r = registrations.get(id);
        if (r == null || (ex.hostName() != null && !ex.hostName().equals(r.hostName()))
                || (r.expiresAt() != null && !r.expiresAt().isAfter(ctx.clock().instant()))) {
            throw MecProblemException.notFound("application mobility service '" + id + "' not found");
        }
        return r;
    }

    // ------------------------------------------------------------------ adjacent instances

    private void adjacentAppInstances(MecExchange ex) {
        ex.allowOnlyQueryParams(LIST_PARAMS);
        AttributeFilter filter = AttributeFilter.parse(ex.queryParam("filter"));
        ex.ok(directory.all().stream().map(AmsApi::adjacentInfo)
                .filter(i -> filter.test(ctx.mapper().valueToTree(i))).toList());
    }

    private static AdjacentAppInstanceInfo adjacentInfo(AppInstanceDirectory.AppInstance i) {
        return new AdjacentAppInstanceInfo(i.appDId(), i.appInstanceId(),
                List.of(new CommunicationInterface(List.of())),
                i.hostName() == null ? null : new AdjacentAppInstanceInfo.MecHostInformation(i.hostName(),
                        Map.of("id", i.hostName())), i.appInstanceId());
    }

    private void adjacencyChanged(AppInstanceDirectory.AppInstance changed) {
        List<AppInstanceDirectory.AppInstance> siblings = directory.instancesOf(changed.appDId());
        Instant now = ctx.clock().instant();
        for (SubscriptionRegistry.Entry<AmsSubscription> e : subscriptions.all()) {
            if (!(e.subscription() instanceof AdjacentAppInfoSubscription s) || !live(e, now)) {
                continue;
            }
            String subscriber = s.filterAppInstanceId();
            boolean sameApp = siblings.stream().anyMatch(i -> i.appInstanceId().equals(subscriber))
                    || directory.find(subscriber).map(i -> i.appDId().equals(changed.appDId())).orElse(false);
            if (!sameApp || subscriber.equals(changed.appInstanceId())) {
                continue;
            }
            List<AdjacentAppInfoNotification.AdjacentAppInfo> others = siblings.stream()
                    .filter(i -> !i.appInstanceId().equals(subscriber))
                    .map(i -> new AdjacentAppInfoNotification.AdjacentAppInfo(i.appInstanceId(), List.of()))
                    .toList();
            ctx.notifications().send(e.callback(), new AdjacentAppInfoNotification(AdjacentAppInfoNotification.TYPE,
                    TimeStamp.of(emulator.now()), null, others, SubscriptionLinks.of(s.links().self().href())));
        }
    }

    // ------------------------------------------------------------------ subscriptions

    private void listSubscriptions(MecExchange ex) {
        ex.allowOnlyQueryParams("subscriptionType", "subscriptiontype", "subscription_type");
        String t = Optional.ofNullable(ex.queryParam("subscriptiontype"))
                .or(() -> Optional.ofNullable(ex.queryParam("subscriptionType")))
                .orElse(ex.queryParam("subscription_type"));
        String wanted = t == null ? null : switch (t) {
            case "mobility_proc" -> MobilityProcedureSubscription.TYPE;
            case "adj_app_info" -> AdjacentAppInfoSubscription.TYPE;
            default -> throw MecProblemException.badRequest("subscriptionType must be mobility_proc or adj_app_info, "
                    + "was '" + t + "'");
        };
        List<SubscriptionLinkList.Subscription> links = subscriptions.matching(e -> e.visibleFrom(ex.hostName()))
                .stream()
                .filter(e -> wanted == null || wanted.equals(e.subscription().subscriptionType()))
                .map(e -> new SubscriptionLinkList.Subscription(e.subscription().links().self().href(),
                        e.subscription().subscriptionType()))
                .toList();
        ex.ok(new SubscriptionLinkList(new SubscriptionLinkList.Links(LinkType.of(ex.requestUrl()), links)));
    }

    private AmsSubscription readSubscription(MecExchange ex) {
        JsonNode body = ex.bodyTree();
        if (body.isObject() && !body.has("subscriptionType") && body.size() == 1
                && body.elements().next().isObject()) {
            body = body.elements().next();
        }
        AmsSubscription s = ex.convert(body, AmsSubscription.class);
        if (s.expiryDeadline() != null && !s.expiryDeadline().toInstant().isAfter(ctx.clock().instant())) {
            throw MecProblemException.badRequest("expiryDeadline is in the past");
        }
        return s;
    }

    /** The target chosen for a subscription (MEC 009 6.12a) and the subscription showing only that choice. */
    private record Chosen(AmsSubscription subscription, NotificationTarget target) {
    }

    private Chosen chooseDelivery(MecExchange ex, AmsSubscription s, java.net.URI existing) {
        NotificationTarget target = NotificationTarget.choose(ex, ctx.notifications(), s.callbackReference(),
                s.websockNotifConfig() == null ? null : s.websockNotifConfig().requestWebsocketUri(), existing);
        return new Chosen(s.withDelivery(target.callbackReference(), target.websocketUri() == null ? null
                : new WebsockNotifConfig(target.websocketUri(), true)), target);
    }

    private void createSubscription(MecExchange ex) {
        Chosen chosen = chooseDelivery(ex, readSubscription(ex), null);
        AmsSubscription s = chosen.subscription();
        SubscriptionRegistry.Entry<AmsSubscription> entry = subscriptions.add(ex.hostName(),
                s.filterAppInstanceId(), chosen.target().uri(),
                s.expiryDeadline() == null ? null : s.expiryDeadline().toInstant(),
                id -> s.withLinks(SelfLinks.of(ex.href("/subscriptions/" + id))));
        LOG.info("AMS subscription {} created: {} for {} -> {}", entry.id(), s.subscriptionType(),
                s.filterAppInstanceId(), s.callbackReference());
        ex.created(entry.subscription().links().self().href(), entry.subscription());
        if (Boolean.TRUE.equals(s.requestTestNotification())) {
            ctx.notifications().send(entry.callback(),
                    RniApi.testNotification(entry.subscription().links().self().href()));
        }
    }

    private void replaceSubscription(MecExchange ex) {
        SubscriptionRegistry.Entry<AmsSubscription> existing = requireSubscription(ex);
        AmsSubscription read = readSubscription(ex);
        if (!read.subscriptionType().equals(existing.subscription().subscriptionType())) {
            throw MecProblemException.badRequest("subscriptionType cannot change");
        }
        Chosen chosen = chooseDelivery(ex, read, existing.callback());
        AmsSubscription s = chosen.subscription();
        SubscriptionRegistry.Entry<AmsSubscription> updated = subscriptions.replace(existing.id(),
                chosen.target().uri(),
                s.expiryDeadline() == null ? null : s.expiryDeadline().toInstant(),
                s.withLinks(existing.subscription().links())).orElseThrow();
        if (!existing.callback().equals(updated.callback())) {
            ctx.notifications().release(existing.callback()); // e.g. websocket given up for a callback URI
        }
        ex.ok(updated.subscription());
    }

    private SubscriptionRegistry.Entry<AmsSubscription> requireSubscription(MecExchange ex) {
        String id = ex.pathParam("subscriptionId");
        return subscriptions.get(id, ex.hostName(), null)
                .orElseThrow(() -> MecProblemException.notFound("AMS subscription '" + id + "' not found"));
    }

    private static boolean live(SubscriptionRegistry.Entry<?> e, Instant now) {
        return e.expiryDeadline() == null || e.expiryDeadline().isAfter(now);
    }

    // ------------------------------------------------------------------ mobility

    @Override
    public void onEvent(EmulatorEvent event) {
        if (event instanceof EmulatorEvent.HostChange h && h.targetHost() != null) {
            onHostChange(h);
        }
    }

    private void onHostChange(EmulatorEvent.HostChange h) {
        String v4 = RniApi.ipv4Of(h.ueId());
        for (Registration r : new ArrayList<>(registrations.values())) {
            List<DeviceInformation> devices = r.info().deviceInformation();
            if (devices == null) {
                continue;
            }
            for (DeviceInformation d : devices) {
                if (!(d.associateId().value().equals(v4) || d.associateId().value().equals(h.ueId()))
                        || d.appMobilityServiceLevel() == AppMobilityServiceLevel.APP_MOBILITY_NOT_ALLOWED) {
                    continue;
                }
                relocate(r, d, h);
            }
        }
    }

    private void relocate(Registration r, DeviceInformation device, EmulatorEvent.HostChange h) {
        String source = r.info().serviceConsumerId().appInstanceId();
        Optional<AppInstanceDirectory.AppInstance> owner = directory.find(source);
        String ownerHost = owner.map(AppInstanceDirectory.AppInstance::hostName).orElse(h.sourceHost());
        String key = source + "|" + device.associateId().value();
        if (h.targetHost().equals(ownerHost)) {
            pending.remove(key); // back on the owner's host: nothing to move
            return;
        }
        String appDId = owner.map(AppInstanceDirectory.AppInstance::appDId)
                .orElse(AppInstanceDirectory.appDIdByConvention(source));
        Optional<String> target = instanceOn(appDId, h.targetHost());
        resetTransferState(r, device.associateId());
        if (target.isEmpty()) {
            LOG.info("AMS: {} moved to {} where application {} has no instance: relocation from {} failed",
                    h.ueId(), h.targetHost(), appDId, source);
            pending.remove(key);
            notifyMobility(device.associateId(), MobilityStatus.INTERHOST_MOVEOUT_FAILED, null, h.time(),
                    List.of(source));
            return;
        }
        String targetId = target.get();
        pending.put(key, new Pending(r.info().appMobilityServiceId(), source, targetId));
        LOG.info("AMS relocation of {} triggered: {} ({}) -> {} ({})", h.ueId(), source, ownerHost, targetId,
                h.targetHost());
        notifyMobility(device.associateId(), MobilityStatus.INTERHOST_MOVEOUT_TRIGGERED, targetId, h.time(),
                List.of(source));
    }

    private void resetTransferState(Registration r, AssociateId device) {
        RegistrationInfo info = r.info();
        List<DeviceInformation> devices = info.deviceInformation().stream()
                .map(d -> d.associateId().equals(device)
                        ? d.withContextTransferState(ContextTransferState.NOT_TRANSFERRED) : d)
                .toList();
        registrations.computeIfPresent(info.appMobilityServiceId(),
                (k, old) -> new Registration(old.info().withDevices(devices), old.hostName(), old.expiresAt()));
    }

    private void notifyMobility(AssociateId device, MobilityStatus status, String target, Instant time,
                                List<String> appInstances) {
        Instant now = ctx.clock().instant();
        for (SubscriptionRegistry.Entry<AmsSubscription> e : subscriptions.all()) {
            if (!(e.subscription() instanceof MobilityProcedureSubscription s) || !live(e, now)) {
                continue;
            }
            MobilityProcedureSubscription.FilterCriteria f = s.filterCriteria();
            if ((f.appInstanceId() != null && !appInstances.contains(f.appInstanceId()))
                    || (f.associateId() != null && !f.associateId().isEmpty() && !f.associateId().contains(device))
                    || (f.mobilityStatus() != null && !f.mobilityStatus().isEmpty()
                    && !f.mobilityStatus().contains(status))) {
                continue;
            }
            ctx.notifications().send(e.callback(), new MobilityProcedureNotification(
                    MobilityProcedureNotification.TYPE, TimeStamp.of(time), List.of(device), status,
                    target == null ? null : new TargetAppInfo(target, null),
                    SubscriptionLinks.of(s.links().self().href())));
        }
    }
}
