package org.oneedge.cse.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResponseStatusCode;

/**
 * The notification-relevant attributes of a stored {@code <subscription>} (digest §6.1), read once per event
 * instead of walking JSON everywhere. {@link #check} is the attribute-level validation shared by CREATE and UPDATE.
 *
 * @param ri                 the subscription's resource id
 * @param pi                 the subscribed-to resource
 * @param notificationUris   {@code nu}, never empty
 * @param criteria           {@code enc}
 * @param contentType        {@code nct} (defaulted from the first {@code net} when absent)
 * @param expirationCounter  {@code exc}, or null for no limit
 * @param subscriberUri      {@code su}, or null
 * @param creator            {@code cr}, or null
 * @param eventCategory      {@code nec}, or null
 * @param latestNotify       {@code ln}
 * @param batchNotify        {@code bn}, or null
 */
public record Subscription(String ri, String pi, List<String> notificationUris, EventNotificationCriteria criteria,
                           NotificationContentType contentType, Integer expirationCounter, String subscriberUri,
                           String creator, String eventCategory, boolean latestNotify, BatchNotify batchNotify) {

    /** Default {@code bn/dur} when a batch size is given without a duration (ACME uses 60 s too, digest §6.1). */
    public static final Duration DEFAULT_BATCH_DURATION = Duration.ofSeconds(60);

    /** {@code bn}: send {@code number} notifications together, or whatever gathered within {@code duration}. */
    public record BatchNotify(int number, Duration duration) {}

    public Subscription {
        notificationUris = List.copyOf(notificationUris);
    }

    /** Reads a stored subscription (whose attributes were checked when written). */
    public static Subscription of(Resource resource) {
        return read(resource.ri(), resource.pi(), resource.attributes());
    }

    /**
     * Checks the attributes of a CREATE ({@code merged} = the request content) or an UPDATE ({@code merged} = the
     * stored attributes with the request's changes applied): {@code nu} present and well-formed, {@code enc} valid,
     * {@code nct} allowed for every {@code net}, {@code exc} positive, {@code bn} well-formed.
     *
     * @throws OneM2MException BAD_REQUEST naming what is wrong
     */
    public static Subscription check(String ri, String pi, ObjectNode merged) {
        return read(ri, pi, merged);
    }

    private static Subscription read(String ri, String pi, JsonNode a) {
        List<String> nu = new ArrayList<>();
        JsonNode nuNode = a.get("nu");
        if (nuNode == null || !nuNode.isArray() || nuNode.isEmpty()) {
            throw bad("nu (notificationURI) is mandatory and must be a non-empty list");
        }
        for (JsonNode entry : nuNode) {
            if (!entry.isTextual() || entry.asText().isBlank()) {
                throw bad("nu entries must be non-empty strings (resource ids or URLs), found " + entry);
            }
            nu.add(entry.asText());
        }
        EventNotificationCriteria criteria = EventNotificationCriteria.parse(a.get("enc"));
        NotificationContentType nct = contentType(a.get("nct"), criteria);
        Integer exc = null;
        JsonNode excNode = a.get("exc");
        if (excNode != null && !excNode.isNull()) {
            if (!excNode.isIntegralNumber() || excNode.asLong() < 1 || !excNode.canConvertToInt()) {
                throw bad("exc (expirationCounter) must be a positive integer, was " + excNode);
            }
            exc = excNode.asInt();
        }
        String su = text(a, "su");
        String cr = text(a, "cr");
        String nec = null;
        JsonNode necNode = a.get("nec");
        if (necNode != null && !necNode.isNull()) {
            if (!necNode.isIntegralNumber() && !necNode.isTextual()) {
                throw bad("nec (notificationEventCat) must be an event category number, was " + necNode);
            }
            nec = necNode.asText();
        }
        boolean ln = false;
        JsonNode lnNode = a.get("ln");
        if (lnNode != null && !lnNode.isNull()) {
            if (!lnNode.isBoolean()) {
                throw bad("ln (latestNotify) must be a boolean, was " + lnNode);
            }
            ln = lnNode.asBoolean();
        }
        return new Subscription(ri, pi, nu, criteria, nct, exc, su, cr, nec, ln, batchNotify(a.get("bn")));
    }

    private static NotificationContentType contentType(JsonNode node, EventNotificationCriteria criteria) {
        if (node == null || node.isNull()) {
            return criteria.eventTypes().isEmpty() ? NotificationContentType.ALL_ATTRIBUTES
                    : criteria.eventTypes().stream().sorted().findFirst().orElseThrow().defaultContentType();
        }
        NotificationContentType nct = node.isIntegralNumber()
                ? NotificationContentType.of(node.asInt()).orElse(null) : null;
        if (nct == null) {
            throw bad("nct (notificationContentType) must be 1..5, was " + node);
        }
        for (NotificationEventType net : criteria.eventTypes()) {
            if (!net.allows(nct)) {
                throw bad("nct " + nct.code() + " (" + nct + ") is not allowed with net " + net.code() + " (" + net + ")");
            }
        }
        if (nct == NotificationContentType.TRIGGER_PAYLOAD) {
            throw bad("nct " + nct.code() + " (" + nct + ") is not supported by this CSE");
        }
        return nct;
    }

    private static BatchNotify batchNotify(JsonNode bn) {
        if (bn == null || bn.isNull()) {
            return null;
        }
        if (!bn.isObject()) {
            throw bad("bn (batchNotify) must be an object {num, dur}");
        }
        JsonNode num = bn.get("num");
        if (num == null || !num.isIntegralNumber() || num.asInt() < 1) {
            throw bad("bn/num must be a positive integer, was " + num);
        }
        Duration dur = DEFAULT_BATCH_DURATION;
        JsonNode durNode = bn.get("dur");
        if (durNode != null && !durNode.isNull()) {
            try {
                dur = durNode.isNumber() ? Duration.ofMillis(Math.round(durNode.asDouble() * 1000))
                        : Duration.parse(durNode.asText());
            } catch (DateTimeParseException e) {
                throw bad("bn/dur must be seconds or an ISO-8601 duration such as PT10S, was " + durNode);
            }
            if (dur.isNegative() || dur.isZero()) {
                throw bad("bn/dur must be positive, was " + durNode);
            }
        }
        return new BatchNotify(num.asInt(), dur);
    }

    private static String text(JsonNode a, String name) {
        JsonNode value = a.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw bad(name + " must be a string, was " + value);
        }
        return value.asText();
    }

    private static OneM2MException bad(String message) {
        return new OneM2MException(ResponseStatusCode.BAD_REQUEST, message);
    }
}
