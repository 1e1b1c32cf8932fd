package org.oneedge.mec.platform.appsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.oneedge.mec.api.appsupport.AppInfo;
import org.oneedge.mec.api.appsupport.AppReadyConfirmation;
import org.oneedge.mec.api.appsupport.AppTerminationConfirmation;
import org.oneedge.mec.api.appsupport.AppTerminationNotification;
import org.oneedge.mec.api.appsupport.AppTerminationNotificationSubscription;
import org.oneedge.mec.api.appsupport.CurrentTime;
import org.oneedge.mec.api.appsupport.OperationActionType;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.servicemgmt.SubscriptionLinkList;
import org.oneedge.mec.platform.CallbackUri;
import org.oneedge.mec.platform.MecApi;
import org.oneedge.mec.platform.MecPlatformContext;
import org.oneedge.mec.platform.SubscriptionRegistry;
import org.oneedge.mec.platform.http.MecExchange;
import org.oneedge.mec.platform.http.Routes;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * MEC 011 application support API ({@code /mec_app_support/v2}, MecAppSupportApi.yaml): app self-registration
 * ({@code /registrations}), {@code confirm_ready}, app termination subscriptions with
 * {@code AppTerminationNotification} and {@code confirm_termination}, DNS rules (from the AppD's
 * {@code appDNSRule} when the app was instantiated through 010-2; state changeable with PUT), the (empty) traffic
 * rule list, and {@code /timing/current_time}.
 */
public final class AppSupportApi implements MecApi {

    public static final String BASE_PATH = "/mec_app_support/v2";

    private final MecPlatformContext ctx;
    private final AppInstanceRegistry apps;
    private final SubscriptionRegistry<AppTerminationNotificationSubscription> subscriptions;

    public AppSupportApi(MecPlatformContext ctx, AppInstanceRegistry apps) {
        this.ctx = ctx;
        this.apps = apps;
        this.subscriptions = ctx.newSubscriptionRegistry("sub-");
        apps.addListener(new AppInstanceRegistry.Listener() {
            @Override
            public boolean shutdownRequested(AppInstanceRegistry.AppInstance app, OperationActionType action,
                                             Duration gracePeriod) {
                return notifyShutdown(app, action, gracePeriod);
            }

            @Override
            public void removed(AppInstanceRegistry.AppInstance app) {
                subscriptions.removeOwnedBy(app.appInstanceId());
            }
        });
    }

    @Override
    public String basePath() {
        return BASE_PATH;
    }

    @Override
    public void register(Routes routes) {
        routes.post("/registrations", ex -> {
            AppInfo info = ex.body(AppInfo.class);
            AppInstanceRegistry.AppInstance app = apps.selfRegister(ex.hostName(), info);
            ex.created(ex.href("/registrations/" + app.appInstanceId()), app.info());
        });
        routes.get("/registrations/{appInstanceId}", ex -> ex.ok(apps.require(ex.pathParam("appInstanceId")).info()));
        routes.put("/registrations/{appInstanceId}", ex -> {
            String id = apps.require(ex.pathParam("appInstanceId")).appInstanceId();
            AppInfo info = ex.body(AppInfo.class);
            if (info.appInstanceId() != null && !info.appInstanceId().equals(id)) {
                throw MecProblemException.badRequest("appInstanceId " + info.appInstanceId()
                        + " does not match the addressed registration " + id);
            }
            apps.updateInfo(id, info);
            ex.noContent();
        });
        routes.delete("/registrations/{appInstanceId}", ex -> {
            apps.remove(apps.require(ex.pathParam("appInstanceId")).appInstanceId());
            ex.noContent();
        });
        routes.post("/applications/{appInstanceId}/confirm_ready", ex -> {
            String id = apps.require(ex.pathParam("appInstanceId")).appInstanceId();
            ex.body(AppReadyConfirmation.class);
            apps.confirmReady(id);
            ex.noContent();
        });
        routes.post("/applications/{appInstanceId}/confirm_termination", ex -> {
            String id = apps.require(ex.pathParam("appInstanceId")).appInstanceId();
            AppTerminationConfirmation confirmation = ex.body(AppTerminationConfirmation.class);
            apps.confirmShutdown(id, confirmation.operationAction());
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
        routes.get("/applications/{appInstanceId}/traffic_rules", ex -> {
            apps.requireReady(ex.pathParam("appInstanceId"));
            ex.ok(List.of());
        });
        routes.get("/applications/{appInstanceId}/traffic_rules/{trafficRuleId}", ex -> {
            apps.requireReady(ex.pathParam("appInstanceId"));
            throw MecProblemException.notFound("no traffic rule '" + ex.pathParam("trafficRuleId") + "'");
        });
        routes.get("/applications/{appInstanceId}/dns_rules", ex ->
                ex.ok(apps.dnsRules(apps.requireReady(ex.pathParam("appInstanceId")).appInstanceId())));
        routes.get("/applications/{appInstanceId}/dns_rules/{dnsRuleId}", ex -> {
            String app = apps.requireReady(ex.pathParam("appInstanceId")).appInstanceId();
            String rule = ex.pathParam("dnsRuleId");
            ex.ok(apps.dnsRules(app).stream().filter(r -> rule.equals(r.path("dnsRuleId").asText())).findFirst()
                    .orElseThrow(() -> MecProblemException.notFound("app instance '" + app + "' has no DNS rule '"
                            + rule + "'")));
        });
        routes.put("/applications/{appInstanceId}/dns_rules/{dnsRuleId}", ex -> {
            String app = apps.requireReady(ex.pathParam("appInstanceId")).appInstanceId();
            String rule = ex.pathParam("dnsRuleId");
            var body = ex.bodyTree();
            if (!body.isObject()) {
                throw MecProblemException.badRequest("DnsRule must be a JSON object");
            }
            for (String field : List.of("dnsRuleId", "domainName", "ipAddressType", "ipAddress", "state")) {
                if (!body.hasNonNull(field)) {
                    throw MecProblemException.badRequest("DnsRule needs " + field);
                }
            }
            if (!rule.equals(body.get("dnsRuleId").asText())) {
                throw MecProblemException.badRequest("dnsRuleId " + body.get("dnsRuleId").asText()
                        + " does not match the addressed rule " + rule);
            }
            String state = body.get("state").asText();
            if (!state.equals("ACTIVE") && !state.equals("INACTIVE")) {
                throw MecProblemException.badRequest("state must be ACTIVE or INACTIVE, was " + state);
            }
            ex.ok(apps.replaceDnsRule(app, rule, (ObjectNode) body)
                    .orElseThrow(() -> MecProblemException.notFound("app instance '" + app + "' has no DNS rule '"
                            + rule + "'")));
        });
        routes.get("/timing/current_time", ex -> {
            Instant now = ctx.clock().instant();
            ex.ok(new CurrentTime(now.getEpochSecond(), now.getNano(), CurrentTime.TRACEABLE));
        });
    }

    private void listSubscriptions(MecExchange ex) {
        String app = apps.requireReady(ex.pathParam("appInstanceId")).appInstanceId();
        List<SubscriptionLinkList.Subscription> links = subscriptions
                .matching(e -> app.equals(e.owner()) && e.visibleFrom(ex.hostName())).stream()
                .map(e -> new SubscriptionLinkList.Subscription(e.subscription().links().self().href(),
                        AppTerminationNotificationSubscription.TYPE))
                .toList();
        ex.ok(new SubscriptionLinkList(new SubscriptionLinkList.Links(
                LinkType.of(ex.href("/applications/" + app + "/subscriptions")), links)));
    }

    private void subscribe(MecExchange ex) {
        String app = apps.requireReady(ex.pathParam("appInstanceId")).appInstanceId();
        AppTerminationNotificationSubscription body = ex.body(AppTerminationNotificationSubscription.class);
        if (!app.equals(body.appInstanceId())) {
            throw MecProblemException.badRequest("appInstanceId " + body.appInstanceId()
                    + " in the body does not match the path's " + app);
        }
        URI callback = CallbackUri.require("callbackReference", body.callbackReference());
        var entry = subscriptions.add(ex.hostName(), app, callback, null, id ->
                new AppTerminationNotificationSubscription(body.subscriptionType(), body.callbackReference(),
                        new AppTerminationNotificationSubscription.Links(
                                LinkType.of(ex.href("/applications/" + app + "/subscriptions/" + id))), app));
        ex.created(entry.subscription().links().self().href(), entry.subscription());
    }

    private SubscriptionRegistry.Entry<AppTerminationNotificationSubscription> requireSubscription(MecExchange ex) {
        String app = apps.requireReady(ex.pathParam("appInstanceId")).appInstanceId();
        String id = ex.pathParam("subscriptionId");
        return subscriptions.get(id, ex.hostName(), app).orElseThrow(
                () -> MecProblemException.notFound("app instance '" + app + "' has no subscription '" + id + "'"));
    }

    private boolean notifyShutdown(AppInstanceRegistry.AppInstance app, OperationActionType action, Duration grace) {
        var subscribed = subscriptions.matching(e -> app.appInstanceId().equals(e.owner()));
        for (var entry : subscribed) {
            String self = entry.subscription().links().self().href();
            String confirm = self.substring(0, self.lastIndexOf("/subscriptions/")) + "/confirm_termination";
            ctx.notifications().send(entry.callback(), new AppTerminationNotification(
                    AppTerminationNotification.TYPE, action, (int) Math.max(1, grace.toSeconds()),
                    new AppTerminationNotification.Links(LinkType.of(self), LinkType.of(confirm))));
        }
        return !subscribed.isEmpty();
    }
}
