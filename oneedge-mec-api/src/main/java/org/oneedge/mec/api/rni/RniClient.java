package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.oneedge.mec.api.common.MecRestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Blocking client of the MEC 012 Radio Network Information API ({@code /rni/v2}): queries, subscriptions and
 * notification decoding. Bodies may come bare (as OneEdge and AdvantEDGE send them) or wrapped in the type name (as
 * the ETSI file's response schemas show); both are read.
 *
 * <pre>{@code
 * RniClient rni = RniClient.of("http://127.0.0.1:8090/rni/v2");
 * RniSubscription s = rni.subscribe(CellChangeSubscription.of("http://me/cb",
 *         new FilterCriteriaAssocHo(null, List.of(AssociateId.ipv4("10.0.0.1")), null, null), null));
 * rni.unsubscribe(s.links().self().href());
 * }</pre>
 */
public final class RniClient {

    private final MecRestClient rest;

    public RniClient(MecRestClient rest) {
        this.rest = Objects.requireNonNull(rest, "rest");
    }

    /** A client for the API at {@code baseUrl}, e.g. {@code http://127.0.0.1:8090/rni/v2}. */
    public static RniClient of(String baseUrl) {
        return new RniClient(MecRestClient.of(baseUrl));
    }

    /** {@code GET /queries/rab_info} with filters such as {@code cell_id}, {@code ue_ipv4_address}. */
    public RabInfo rabInfo(Map<String, String> filters) {
        return unwrap(rest.get("/queries/rab_info" + query(filters), JsonNode.class).body(), "RabInfo",
                RabInfo.class);
    }

    /** {@code GET /queries/plmn_info?app_ins_id=...}. */
    public List<PlmnInfo> plmnInfo(String appInstanceIds) {
        return rest.get("/queries/plmn_info" + query(Map.of("app_ins_id", appInstanceIds)),
                new TypeReference<List<PlmnInfo>>() { }).body();
    }

    /** {@code GET /queries/layer2_meas} with filters such as {@code cell_id}, {@code ue_ipv4_address}. */
    public L2Meas layer2Meas(Map<String, String> filters) {
        return unwrap(rest.get("/queries/layer2_meas" + query(filters), JsonNode.class).body(), "L2Meas",
                L2Meas.class);
    }

    /** {@code GET /queries/s1_bearer_info} with filters such as {@code ue_ipv4_address}, {@code cell_id}. */
    public S1BearerInfo s1BearerInfo(Map<String, String> filters) {
        return unwrap(rest.get("/queries/s1_bearer_info" + query(filters), JsonNode.class).body(), "S1BearerInfo",
                S1BearerInfo.class);
    }

    /** {@code POST /subscriptions}; returns the stored subscription with {@code _links.self}. */
    public RniSubscription subscribe(RniSubscription subscription) {
        JsonNode body = rest.post("/subscriptions", subscription, JsonNode.class).body();
        return unwrapSubscription(body);
    }

    /** {@code GET} of one subscription, by id or by its {@code _links.self.href}. */
    public RniSubscription subscription(String idOrHref) {
        return unwrapSubscription(rest.get(path(idOrHref), JsonNode.class).body());
    }

    /** {@code PUT} (replace) of one subscription. */
    public RniSubscription update(String idOrHref, RniSubscription subscription) {
        return unwrapSubscription(rest.put(path(idOrHref), subscription, JsonNode.class).body());
    }

    /** {@code DELETE} of one subscription. */
    public void unsubscribe(String idOrHref) {
        rest.delete(path(idOrHref));
    }

    /** {@code GET /subscriptions[?subscription_type=cell_change|meas_rep_ue|...]}. */
    public SubscriptionLinkList subscriptions(String subscriptionType) {
        String q = subscriptionType == null ? "" : query(Map.of("subscription_type", subscriptionType));
        return unwrap(rest.get("/subscriptions" + q, JsonNode.class).body(), "SubscriptionLinkList",
                SubscriptionLinkList.class);
    }

    /** Decodes a notification body POSTed by RNIS. */
    public static RniNotification parseNotification(ObjectMapper mapper, byte[] body) {
        try {
            return mapper.readValue(body, RniNotification.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not an RNI notification: " + e.getMessage(), e);
        }
    }

    private static String path(String idOrHref) {
        return idOrHref.startsWith("http://") || idOrHref.startsWith("https://") ? idOrHref
                : "/subscriptions/" + URLEncoder.encode(idOrHref, StandardCharsets.UTF_8);
    }

    private RniSubscription unwrapSubscription(JsonNode body) {
        JsonNode node = body;
        if (!node.has("subscriptionType") && node.size() == 1) {
            node = node.elements().next();
        }
        return convert(node, RniSubscription.class);
    }

    private <T> T unwrap(JsonNode body, String wrapper, Class<T> type) {
        JsonNode node = body.has(wrapper) && body.size() == 1 ? body.get(wrapper) : body;
        return convert(node, type);
    }

    private <T> T convert(JsonNode node, Class<T> type) {
        try {
            return rest.mapper().treeToValue(node, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    static String query(Map<String, String> params) {
        if (params == null || params.isEmpty()) {
            return "";
        }
        return params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }
}
