package org.oneedge.mec.api.ams;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.oneedge.mec.api.common.MecRestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Blocking client of the MEC 021 Application Mobility Service API ({@code /amsi/v1}): registrations, the
 * context-transfer report, adjacent instances and subscriptions.
 *
 * <pre>{@code
 * AmsClient ams = AmsClient.of("http://127.0.0.1:8090/mec-host-1/amsi/v1");
 * RegistrationInfo reg = ams.register(RegistrationInfo.of("app-1",
 *         List.of(DeviceInformation.of("10.0.0.1", AppMobilityServiceLevel.APP_MOBILITY_WITH_CONFIRMATION))));
 * ams.subscribe(MobilityProcedureSubscription.of("http://me/cb", "app-1", null, null));
 * // on INTERHOST_MOVEOUT_TRIGGERED: move the context, then
 * ams.reportContextTransferred(reg.appMobilityServiceId(), "10.0.0.1");   // -> INTERHOST_MOVEOUT_COMPLETED
 * }</pre>
 */
public final class AmsClient {

    private final MecRestClient rest;

    public AmsClient(MecRestClient rest) {
        this.rest = Objects.requireNonNull(rest, "rest");
    }

    public static AmsClient of(String baseUrl) {
        return new AmsClient(MecRestClient.of(baseUrl));
    }

    /** {@code POST /app_mobility_services}; returns the registration with its {@code appMobilityServiceId}. */
    public RegistrationInfo register(RegistrationInfo registration) {
        return unwrap(rest.post("/app_mobility_services", registration, JsonNode.class).body(), "RegistrationInfo",
                RegistrationInfo.class);
    }

    public RegistrationInfo registration(String appMobilityServiceId) {
        return unwrap(rest.get("/app_mobility_services/" + enc(appMobilityServiceId), JsonNode.class).body(),
                "RegistrationInfo", RegistrationInfo.class);
    }

    public List<RegistrationInfo> registrations() {
        return rest.get("/app_mobility_services", new TypeReference<List<RegistrationInfo>>() { }).body();
    }

    /** {@code PUT} (replace) of a registration. */
    public RegistrationInfo update(RegistrationInfo registration) {
        return unwrap(rest.put("/app_mobility_services/" + enc(registration.appMobilityServiceId()), registration,
                JsonNode.class).body(), "RegistrationInfo", RegistrationInfo.class);
    }

    /**
     * Reports that the user context of {@code associateId} was transferred to the target instance: a PUT of the
     * registration with that device's {@code contextTransferState} = USER_CONTEXT_TRANSFER_COMPLETED (MEC 021 8.2.3).
     */
    public RegistrationInfo reportContextTransferred(String appMobilityServiceId, String associateId) {
        RegistrationInfo current = registration(appMobilityServiceId);
        List<DeviceInformation> devices = current.deviceInformation() == null ? List.of()
                : current.deviceInformation().stream()
                .map(d -> d.associateId().value().equals(associateId)
                        ? d.withContextTransferState(ContextTransferState.USER_CONTEXT_TRANSFER_COMPLETED) : d)
                .toList();
        return update(current.withDevices(devices));
    }

    public void deregister(String appMobilityServiceId) {
        rest.delete("/app_mobility_services/" + enc(appMobilityServiceId));
    }

    /** {@code POST /app_mobility_services/{id}/deregister_task}. */
    public void deregisterTask(String appMobilityServiceId) {
        rest.post("/app_mobility_services/" + enc(appMobilityServiceId) + "/deregister_task", null, null);
    }

    /** {@code GET /queries/adjacent_app_instances[?filter=...]} (MEC 009 attribute filter, e.g. {@code (eq,appDId,x)}). */
    public List<AdjacentAppInstanceInfo> adjacentAppInstances(String filter) {
        String q = filter == null ? "" : "?filter=" + enc(filter);
        return rest.get("/queries/adjacent_app_instances" + q,
                new TypeReference<List<AdjacentAppInstanceInfo>>() { }).body();
    }

    public AmsSubscription subscribe(AmsSubscription subscription) {
        return unwrapSubscription(rest.post("/subscriptions", subscription, JsonNode.class).body());
    }

    /** Reads a subscription by id or {@code _links.self.href}. */
    public AmsSubscription subscription(String idOrHref) {
        return unwrapSubscription(rest.get(path(idOrHref), JsonNode.class).body());
    }

    public AmsSubscription update(String idOrHref, AmsSubscription subscription) {
        return unwrapSubscription(rest.put(path(idOrHref), subscription, JsonNode.class).body());
    }

    public void unsubscribe(String idOrHref) {
        rest.delete(path(idOrHref));
    }

    /** {@code GET /subscriptions[?subscriptionType=mobility_proc|adj_app_info]}. */
    public SubscriptionLinkList subscriptions(String subscriptionType) {
        String q = subscriptionType == null ? "" : "?subscriptionType=" + enc(subscriptionType);
        return unwrap(rest.get("/subscriptions" + q, JsonNode.class).body(), "SubscriptionLinkList",
                SubscriptionLinkList.class);
    }

    /** Decodes a notification POSTed by AMS: a {@link MobilityProcedureNotification} or {@link AdjacentAppInfoNotification}. */
    public static Object parseNotification(ObjectMapper mapper, byte[] body) {
        try {
            JsonNode root = mapper.readTree(body);
            String type = root.path("notificationType").asText();
            return switch (type) {
                case MobilityProcedureNotification.TYPE -> mapper.treeToValue(root, MobilityProcedureNotification.class);
                case AdjacentAppInfoNotification.TYPE -> mapper.treeToValue(root, AdjacentAppInfoNotification.class);
                default -> root;
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String path(String idOrHref) {
        return idOrHref.startsWith("http://") || idOrHref.startsWith("https://") ? idOrHref
                : "/subscriptions/" + enc(idOrHref);
    }

    private AmsSubscription unwrapSubscription(JsonNode body) {
        JsonNode node = !body.has("subscriptionType") && body.size() == 1 ? body.elements().next() : body;
        return convert(node, AmsSubscription.class);
    }

    private <T> T unwrap(JsonNode body, String wrapper, Class<T> type) {
        return convert(body.has(wrapper) && body.size() == 1 ? body.get(wrapper) : body, type);
    }

    private <T> T convert(JsonNode node, Class<T> type) {
        try {
            return rest.mapper().treeToValue(node, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
