package org.oneedge.cse.location;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.oneedge.cse.event.ResourceEvent;
import org.oneedge.cse.resource.AttributeSchema;
import org.oneedge.cse.resource.AttributeSpec.Presence;
import org.oneedge.cse.resource.CreateContext;
import org.oneedge.cse.resource.DeleteContext;
import org.oneedge.cse.resource.HandlerContext;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.resource.UpdateContext;
import org.oneedge.cse.resource.ValueType;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.Write;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResourceType;
import org.oneedge.model.ResponseStatusCode;
import org.oneedge.model.TimestampCodec;

/**
 * The {@code <locationPolicy>} (ty 10, {@code m2m:lcp}; TS-0001 9.6.10/10.2.9, TS-0004 7.4.11): checks the policy,
 * and in the same atomic write creates the location {@code <container>} that receives the positions (named
 * {@code lon}, or {@code LOCATION_<rn>}; its {@code li} points back at the policy, the policy's {@code loi} at it).
 * The container goes below the originator's {@code <AE>} when the originator is an AE registered here, otherwise
 * next to the policy. Deleting the policy deletes its container.
 *
 * <p>{@code lost} (location status) is read-only for the policy's owner; only the CSE itself (its CSE-ID or the admin
 * originator, as the location server of a network-based policy) may set it.
 */
public final class LocationPolicyHandler implements ResourceHandler {

    /** Prefix of the location container's name when the originator gives no {@code lon}. */
    public static final String CONTAINER_NAME_PREFIX = "LOCATION_";

    private static final AttributeSchema SCHEMA = AttributeSchema.builder("locationPolicy")
            .mandatoryFixed("los", ValueType.POSITIVE_INTEGER)
            .optional("lou", ValueType.ANY)
            .optional("lot", ValueType.STRING)
            .optional("lor", ValueType.ANY_URI)
            .readOnly("loi", ValueType.ANY_URI)
            .add("lon", ValueType.STRING, Presence.OPTIONAL, Presence.NOT_PERMITTED)
            .add("lost", ValueType.POSITIVE_INTEGER, Presence.NOT_PERMITTED, Presence.OPTIONAL)
            .optional("lit", ValueType.POSITIVE_INTEGER)
            .optional("gta", ValueType.ANY)
            .optional("gec", ValueType.POSITIVE_INTEGER)
            .optional("aid", ValueType.STRING)
            .optional("rlkl", ValueType.ANY_URI_LIST)
            .optional("luec", ValueType.POSITIVE_INTEGER)
            .optional("cstn", ValueType.STRING)
            .creator()
            .accessControlPolicyIds()
            .build();

    @Override
    public ResourceType type() {
        return ResourceType.LOCATION_POLICY;
    }

    @Override
    public AttributeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Set<ResourceType> childTypes() {
        return Set.of(ResourceType.SUBSCRIPTION);
    }

    @Override
    public void create(CreateContext context) {
        ObjectNode a = context.attributes();
        LocationSource source = LocationSource.of(a.get("los").asInt()).orElseThrow(() -> bad(
                "los must be 1 (network-based), 2 (device-based) or 3 (sharing-based), got " + a.get("los")));
        checkUpdatePeriods(a.get("lou"));
        if (source == LocationSource.NETWORK_BASED && a.path("lot").asText("").isBlank()) {
            throw bad("a network-based locationPolicy (los=1) needs lot, the locationTargetID of the device");
        }
        String containerName = a.has("lon") ? a.get("lon").asText() : CONTAINER_NAME_PREFIX + context.attributes()
                .path("rn").asText();
        if (!isValidName(containerName)) {
            throw bad("lon '" + containerName + "' is not a valid resource name (letters, digits, '-', '.', '_')");
        }
        Resource containerParent = containerParent(context);
        if (context.store().getByPath(containerParent.path() + "/" + containerName).isPresent()) {
            throw new OneM2MException(ResponseStatusCode.CONFLICT, "the location container '" + containerName
                    + "' already exists below " + containerParent.path() + "; choose another lon");
        }
        Resource container = locationContainer(context, containerParent, containerName);
        a.put("lon", containerName);
        a.put("loi", container.ri());
        if (source == LocationSource.NETWORK_BASED) {
            a.put("lost", LocationStatus.IN_PROCESS.code());
        }
        context.write(new Write.Create(container));
        context.event(new ResourceEvent.Created(container, containerParent, context.originator()));
    }

    @Override
    public void update(UpdateContext context) {
        ObjectNode changes = context.changes();
        if (changes.has("lou")) {
            checkUpdatePeriods(changes.get("lou"));
        }
        if (changes.has("lost")) {
            String originator = context.originator();
            if (!context.config().adminOriginator().equals(originator)
                    && !context.config().cseId().equals(originator)
                    && !context.config().cseIdWithoutSlash().equals(originator)) {
                throw bad("lost (locationStatus) is set by the hosting CSE's location server only");
            }
            if (!changes.get("lost").isNull() && LocationStatus.of(changes.get("lost").asInt()).isEmpty()) {
                throw bad("lost must be 1 (successful), 2 (failure) or 3 (in process), got " + changes.get("lost"));
            }
        }
        if (changes.has("lot") && context.attributes().path("los").asInt() == LocationSource.NETWORK_BASED.code()
                && context.attributes().path("lot").asText("").isBlank()) {
            throw bad("a network-based locationPolicy (los=1) cannot drop lot, the locationTargetID");
        }
    }

    @Override
    public void delete(DeleteContext context) {
        String loi = context.target().attributes().path("loi").asText("");
        if (loi.isEmpty()) {
            return;
        }
        Optional<Resource> container = context.store().get(loi);
        if (container.isPresent() && container.get().type() == ResourceType.CONTAINER
                && !isBelow(container.get(), context.target())) {
            context.write(new Write.Delete(loi));
            Resource parent = context.store().get(container.get().pi()).orElse(null);
            context.event(new ResourceEvent.Deleted(container.get(), parent, context.originator(),
                    context.cause(), java.util.List.of()));
        }
    }

    /** The update periods ({@code lou}): one ISO 8601 duration or a list of them, none negative. */
    static void checkUpdatePeriods(JsonNode lou) {
        if (lou == null || lou.isNull()) {
            return;
        }
        if (lou.isArray()) {
            for (JsonNode p : lou) {
                checkUpdatePeriod(p);
            }
        } else {
            checkUpdatePeriod(lou);
        }
    }

    private static void checkUpdatePeriod(JsonNode p) {
        if (!p.isTextual()) {
            throw bad("lou entries must be ISO 8601 durations such as \"PT10S\", got " + p);
        }
        try {
            if (Duration.parse(p.asText()).isNegative()) {
                throw bad("lou entries must not be negative, got " + p);
            }
        } catch (DateTimeParseException e) {
            throw bad("lou entries must be ISO 8601 durations such as \"PT10S\", got " + p);
        }
    }

    private static Resource containerParent(CreateContext context) {
        Optional<Resource> ae = context.originator() == null ? Optional.empty()
                : context.store().get(context.originator().startsWith("/")
                        ? context.originator().substring(1) : context.originator());
        return ae.filter(r -> r.type() == ResourceType.AE).orElse(context.parent());
    }

    private static Resource locationContainer(CreateContext context, Resource parent, String name) {
        String ri = freshRi(context);
        String ct = TimestampCodec.format(context.now());
        ObjectNode cnt = JsonNodeFactory.instance.objectNode();
        cnt.put("ty", ResourceType.CONTAINER.ty());
        cnt.put("ri", ri);
        cnt.put("rn", name);
        cnt.put("pi", parent.ri());
        cnt.put("ct", ct);
        cnt.put("lt", ct);
        if (context.expiresAt() != null) {
            cnt.put("et", TimestampCodec.format(context.expiresAt()));
        }
        cnt.put("li", context.ri());
        cnt.put("st", 0);
        cnt.put("cni", 0);
        cnt.put("cbs", 0);
        if (context.originator() != null) {
            cnt.put("cr", context.originator());
        }
        JsonNode acpi = context.attributes().get("acpi");
        if (acpi != null && acpi.isArray() && !acpi.isEmpty()) {
            cnt.set("acpi", acpi.deepCopy());
        }
        return new Resource(ri, parent.ri(), ResourceType.CONTAINER, name, parent.path() + "/" + name,
                context.now(), context.now(), context.expiresAt(), cnt);
    }

    private static String freshRi(HandlerContext context) {
        while (true) {
            String ri = ResourceType.CONTAINER.shortName()
                    + ThreadLocalRandom.current().nextLong(100_000_000_000L, 1_000_000_000_000L);
            if (context.store().get(ri).isEmpty()) {
                return ri;
            }
        }
    }

    private static boolean isBelow(Resource resource, Resource ancestor) {
        return resource.path().startsWith(ancestor.path() + "/");
    }

    private static boolean isValidName(String rn) {
        return rn.matches("[A-Za-z0-9][A-Za-z0-9._-]*");
    }

    private static OneM2MException bad(String message) {
        return new OneM2MException(ResponseStatusCode.BAD_REQUEST, message);
    }
}
