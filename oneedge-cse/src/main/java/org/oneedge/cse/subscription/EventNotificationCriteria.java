package org.oneedge.cse.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Operation;
import org.oneedge.model.ResourceType;
import org.oneedge.model.ResponseStatusCode;

/**
 * The {@code enc} attribute of a subscription (TS-0004 6.3.5.9, digest §6.3): which events are notified
 * ({@code net}, default Update_of_Resource), which attribute changes ({@code atr}), which child types ({@code chty}),
 * which operations and originators ({@code om}), and conditions on the representation (creation, modification and
 * expiration time, state tag, size) combined with {@code fo} (1 AND, 2 OR).
 *
 * @param eventTypes         {@code net}; never empty (defaults to Update_of_Resource unless {@code om} is given)
 * @param attributes         {@code atr}; empty means any attribute
 * @param childTypes         {@code chty}; empty means any child type
 * @param operationMonitors  {@code om}; empty unless operation monitoring was asked for
 * @param conditions         the condition tags as predicates on the represented resource
 * @param orConditions       true when {@code fo}=2
 * @param missingData        {@code md} for net 8, or null
 */
public record EventNotificationCriteria(Set<NotificationEventType> eventTypes, Set<String> attributes,
                                        Set<Integer> childTypes, List<OperationMonitor> operationMonitors,
                                        List<Predicate<Resource>> conditions, boolean orConditions,
                                        MissingData missingData) {

    /** {@code md}: notify once {@code number} missing data points were detected (within {@code durationMs}, if set). */
    public record MissingData(int number, Long durationMs) {}

    /** One {@code om} entry: watch operation {@code ops} (null: any) by originator {@code org} (null: any). */
    public record OperationMonitor(Operation operation, String originator) {
        public boolean matches(Operation op, String by) {
            return (operation == null || operation == op) && (originator == null || originator.equals(by));
        }
    }

    /** Update_of_Resource with no further condition: what an absent {@code enc} means. */
    public static final EventNotificationCriteria DEFAULT = new EventNotificationCriteria(
            EnumSet.of(NotificationEventType.UPDATE_OF_RESOURCE), Set.of(), Set.of(), List.of(), List.of(), false, null);

    private static final Set<String> KNOWN_TAGS = Set.of("net", "atr", "chty", "om", "fo", "crb", "cra", "ms", "us",
            "sts", "stb", "exb", "exa", "sza", "szb", "md");

    private static final DateTimeFormatter BASIC = new DateTimeFormatterBuilder()
            .appendPattern("yyyyMMdd'T'HHmmss")
            .optionalStart().appendLiteral(',').appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, false).optionalEnd()
            .toFormatter();

    public EventNotificationCriteria {
        eventTypes = eventTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(eventTypes));
        attributes = Set.copyOf(attributes);
        childTypes = Set.copyOf(childTypes);
        operationMonitors = List.copyOf(operationMonitors);
        conditions = List.copyOf(conditions);
    }

    /** True when {@code type} is one of the watched event types. */
    public boolean watches(NotificationEventType type) {
        return eventTypes.contains(type);
    }

    /** True when an update that touched {@code modified} passes {@code atr}. */
    public boolean coversAttributes(Set<String> modified) {
        return attributes.isEmpty() || modified.stream().anyMatch(attributes::contains);
    }

    /** True when a child of this type passes {@code chty}. */
    public boolean coversChildType(ResourceType type) {
        return childTypes.isEmpty() || childTypes.contains(type.ty());
    }

    /** True when the represented resource passes the condition tags, combined by {@code fo}. */
    public boolean conditionsHold(Resource representation) {
        if (conditions.isEmpty()) {
            return true;
        }
        return orConditions ? conditions.stream().anyMatch(c -> c.test(representation))
                : conditions.stream().allMatch(c -> c.test(representation));
    }

    /**
     * Reads and checks an {@code enc} value (digest §6.3, §6.4).
     *
     * @throws OneM2MException BAD_REQUEST naming what is wrong
     */
    public static EventNotificationCriteria parse(JsonNode enc) {
        if (enc == null || enc.isNull()) {
            return DEFAULT;
        }
        if (!enc.isObject()) {
            throw bad("enc must be an object");
        }
        for (Map.Entry<String, JsonNode> field : enc.properties()) {
            if (!KNOWN_TAGS.contains(field.getKey())) {
                throw bad("enc has an unknown condition tag '" + field.getKey() + "'");
            }
        }
        List<OperationMonitor> monitors = parseOperationMonitors(enc.get("om"));
        Set<NotificationEventType> types = parseEventTypes(enc.get("net"));
        if (!monitors.isEmpty() && !types.isEmpty()) {
            throw bad("enc/om cannot be combined with enc/net");
        }
        if (monitors.isEmpty() && types.isEmpty()) {
            types = EnumSet.of(NotificationEventType.UPDATE_OF_RESOURCE);
        }
        Set<String> attributes = parseStrings(enc.get("atr"), "enc/atr");
        if (!attributes.isEmpty() && !types.contains(NotificationEventType.UPDATE_OF_RESOURCE)) {
            throw bad("enc/atr needs net 1 (Update_of_Resource)");
        }
        Set<Integer> childTypes = parseChildTypes(enc.get("chty"));
        if (!childTypes.isEmpty() && !types.contains(NotificationEventType.CREATE_OF_DIRECT_CHILD_RESOURCE)
                && !types.contains(NotificationEventType.DELETE_OF_DIRECT_CHILD_RESOURCE)) {
            throw bad("enc/chty needs net 3 or 4 (create or delete of a direct child)");
        }
        MissingData md = parseMissingData(enc.get("md"));
        boolean reportsMissingData = types.contains(NotificationEventType.REPORT_ON_MISSING_DATA_POINTS);
        if (reportsMissingData && md == null) {
            throw bad("enc/net 8 (Report_on_missing_data_points) needs enc/md {num, dur}");
        }
        if (md != null && !reportsMissingData) {
            throw bad("enc/md (missingData) is only allowed with net 8 (Report_on_missing_data_points)");
        }
        boolean or = false;
        JsonNode fo = enc.get("fo");
        if (fo != null && !fo.isNull()) {
            if (!fo.isIntegralNumber() || (fo.asInt() != 1 && fo.asInt() != 2)) {
                throw bad("enc/fo must be 1 (AND) or 2 (OR), was " + fo);
            }
            or = fo.asInt() == 2;
        }
        return new EventNotificationCriteria(types, attributes, childTypes, monitors, parseConditions(enc), or, md);
    }

    private static MissingData parseMissingData(JsonNode md) {
        if (md == null || md.isNull()) {
            return null;
        }
        JsonNode num = md.get("num");
        if (!md.isObject() || num == null || !num.isIntegralNumber() || num.asInt() < 1) {
            throw bad("enc/md must be {num, dur} with num a positive integer, was " + md);
        }
        JsonNode dur = md.get("dur");
        if (dur != null && !dur.isNull() && (!dur.isIntegralNumber() || dur.asLong() < 1)) {
            throw bad("enc/md/dur must be a positive number of milliseconds, was " + dur);
        }
        return new MissingData(num.asInt(), dur == null || dur.isNull() ? null : dur.asLong());
    }

    private static Set<NotificationEventType> parseEventTypes(JsonNode net) {
        if (net == null || net.isNull()) {
            return EnumSet.noneOf(NotificationEventType.class);
        }
        if (!net.isArray()) {
            throw bad("enc/net must be a list of notification event types");
        }
        Set<NotificationEventType> types = EnumSet.noneOf(NotificationEventType.class);
        for (JsonNode value : net) {
            NotificationEventType type = value.isIntegralNumber()
                    ? NotificationEventType.of(value.asInt()).orElse(null) : null;
            if (type == null) {
                throw bad("enc/net entry " + value + " is not a notification event type (1..8)");
            }
            if (!type.supported()) {
                throw bad("enc/net " + type.code() + " (" + type + ") is not supported by this CSE");
            }
            types.add(type);
        }
        return types;
    }

    private static Set<Integer> parseChildTypes(JsonNode chty) {
        Set<Integer> types = new LinkedHashSet<>();
        if (chty == null || chty.isNull()) {
            return types;
        }
        if (!chty.isArray()) {
            throw bad("enc/chty must be a list of resource types");
        }
        for (JsonNode value : chty) {
            if (!value.isIntegralNumber() || ResourceType.of(value.asInt()).isEmpty()) {
                throw bad("enc/chty entry " + value + " is not a known resource type");
            }
            types.add(value.asInt());
        }
        return types;
    }

    private static List<OperationMonitor> parseOperationMonitors(JsonNode om) {
        List<OperationMonitor> monitors = new ArrayList<>();
        if (om == null || om.isNull()) {
            return monitors;
        }
        JsonNode list = om.isArray() ? om : null;
        if (list == null) {
            throw bad("enc/om must be a list of {ops, org} objects");
        }
        for (JsonNode entry : list) {
            if (!entry.isObject()) {
                throw bad("enc/om entries must be objects {ops, org}");
            }
            Operation operation = null;
            JsonNode ops = entry.get("ops");
            if (ops != null && !ops.isNull()) {
                if (!ops.isIntegralNumber() || ops.asInt() < 1 || ops.asInt() > 5) {
                    throw bad("enc/om/ops must be an operation code 1..5, was " + ops);
                }
                operation = Operation.of(ops.asInt());
            }
            JsonNode org = entry.get("org");
            if (org != null && !org.isNull() && !org.isTextual()) {
                throw bad("enc/om/org must be an originator id");
            }
            monitors.add(new OperationMonitor(operation, org == null || org.isNull() ? null : org.asText()));
        }
        return monitors;
    }

    private static Set<String> parseStrings(JsonNode list, String name) {
        Set<String> values = new LinkedHashSet<>();
        if (list == null || list.isNull()) {
            return values;
        }
        if (!list.isArray()) {
            throw bad(name + " must be a list of attribute names");
        }
        for (JsonNode value : list) {
            if (!value.isTextual()) {
                throw bad(name + " entries must be strings, found " + value);
            }
            values.add(value.asText());
        }
        return values;
    }

    private static List<Predicate<Resource>> parseConditions(JsonNode enc) {
        List<Predicate<Resource>> conditions = new ArrayList<>();
        time(enc, "crb").ifPresent(t -> conditions.add(r -> r.createdAt().isBefore(t)));
        time(enc, "cra").ifPresent(t -> conditions.add(r -> r.createdAt().isAfter(t)));
        time(enc, "ms").ifPresent(t -> conditions.add(r -> r.modifiedAt().isAfter(t)));
        time(enc, "us").ifPresent(t -> conditions.add(r -> r.modifiedAt().isBefore(t)));
        time(enc, "exb").ifPresent(t -> conditions.add(r -> r.expiresAt() != null && r.expiresAt().isBefore(t)));
        time(enc, "exa").ifPresent(t -> conditions.add(r -> r.expiresAt() == null || r.expiresAt().isAfter(t)));
        number(enc, "sts").ifPresent(n -> conditions.add(r -> longAttribute(r, "st") < n));
        number(enc, "stb").ifPresent(n -> conditions.add(r -> longAttribute(r, "st") > n));
        number(enc, "sza").ifPresent(n -> conditions.add(r -> longAttribute(r, "cs") >= n));
        number(enc, "szb").ifPresent(n -> conditions.add(r -> longAttribute(r, "cs") < n));
        return conditions;
    }

    private static long longAttribute(Resource r, String name) {
        JsonNode value = r.attributes().get(name);
        return value != null && value.isNumber() ? value.asLong() : 0;
    }

    private static Optional<Instant> time(JsonNode enc, String tag) {
        JsonNode value = enc.get(tag);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(value.asText(), BASIC).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw bad("enc/" + tag + " must be a timestamp like 20260101T120000, was " + value);
        }
    }

    private static Optional<Long> number(JsonNode enc, String tag) {
        JsonNode value = enc.get(tag);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || value.asLong() < 0) {
            throw bad("enc/" + tag + " must be a non-negative integer, was " + value);
        }
        return Optional.of(value.asLong());
    }

    private static OneM2MException bad(String message) {
        return new OneM2MException(ResponseStatusCode.BAD_REQUEST, message);
    }
}
