package org.oneedge.cse.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.oneedge.cse.resource.AccessChecker;
import org.oneedge.cse.access.OriginatorId;
import org.oneedge.cse.resource.AttributeSchema;
import org.oneedge.cse.resource.AttributeSpec.Presence;
import org.oneedge.cse.resource.CreateContext;
import org.oneedge.cse.resource.HandlerContext;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.resource.UpdateContext;
import org.oneedge.cse.resource.ValueType;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code <subscription>} resource type (ty 23, TS-0004 7.4.8, digest §6.1/§6.4/§6.5): checks the attributes,
 * requires RETRIEVE on the subscribed-to resource, fills {@code nct} and {@code cr}, and sends a verification request
 * to every {@code nu} target that is not the originator itself; a target that cannot be reached or does not answer
 * 2000 fails the CREATE with 5204 and nothing is stored. An UPDATE adding {@code nu} targets verifies those too.
 * Notifications themselves are produced by {@link SubscriptionNotifier} from resource events.
 *
 * <p>Verification runs inside the CREATE, while the engine holds the parent's write lock, so other writes below the
 * same parent wait for it; each request is bounded by {@code CseConfig.notificationTimeout}.
 */
public final class SubscriptionHandler implements ResourceHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionHandler.class);

    private static final AttributeSchema SCHEMA = AttributeSchema.builder("subscription")
            .accessControlPolicyIds()
            .creator()
            .optional("enc", ValueType.OBJECT)
            .mandatory("nu", ValueType.ANY_URI_LIST)
            .optional("nct", ValueType.POSITIVE_INTEGER)
            .optional("exc", ValueType.POSITIVE_INTEGER)
            .add("su", ValueType.ANY_URI, Presence.OPTIONAL, Presence.NOT_PERMITTED)
            .optional("nec", ValueType.ANY)
            .optional("ln", ValueType.BOOLEAN)
            .optional("bn", ValueType.OBJECT)
            .build();

    private final Supplier<AccessChecker> accessChecker;
    private final NotificationTargetResolver resolver;
    private final NotificationDispatcher dispatcher;
    private final OriginatorId ids;

    /**
     * @param accessChecker the engine's access checker, asked for RETRIEVE on the subscribed-to resource
     * @param ids           id forms, to tell whether a target is the originator itself
     */
    public SubscriptionHandler(Supplier<AccessChecker> accessChecker, NotificationTargetResolver resolver,
                               NotificationDispatcher dispatcher, OriginatorId ids) {
        this.accessChecker = accessChecker;
        this.resolver = resolver;
        this.dispatcher = dispatcher;
        this.ids = ids;
    }

    @Override
    public ResourceType type() {
        return ResourceType.SUBSCRIPTION;
    }

    @Override
    public AttributeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Set<ResourceType> childTypes() {
        return Set.of();
    }

    @Override
    public void create(CreateContext context) {
        Resource parent = context.parent();
        String originator = context.originator();
        if (!accessChecker.get().permits(originator, Operation.RETRIEVE.privilege(), parent, context.request())) {
            throw new OneM2MException(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, "originator " + originator
                    + " has no RETRIEVE privilege on " + parent.path() + ", needed to subscribe to it");
        }
        ObjectNode draft = context.attributes();
        Subscription sub = Subscription.check(context.ri(), parent.ri(), draft);
        if (sub.criteria().missingData() != null && parent.type() != ResourceType.TIME_SERIES) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "enc/md and net 8 apply only to a timeSeries, not to "
                    + parent.type().shortName() + " '" + parent.path() + "'");
        }
        draft.put("nct", sub.contentType().code());
        boolean othersNotified = sub.notificationUris().stream().anyMatch(nu -> !ids.same(nu, originator));
        if (othersNotified && originator != null) {
            draft.put("cr", originator);
        }
        for (String target : sub.notificationUris()) {
            verify(context, target);
        }
    }

    @Override
    public void update(UpdateContext context) {
        ObjectNode draft = context.attributes();
        if (!draft.hasNonNull("nct")) {
            draft.remove("nct");
        }
        Subscription sub = Subscription.check(context.current().ri(), context.current().pi(), draft);
        draft.put("nct", sub.contentType().code());
        JsonNode changedNu = context.changes().get("nu");
        if (changedNu != null && changedNu.isArray()) {
            Set<String> before = new HashSet<>();
            context.current().attributes().path("nu").forEach(n -> before.add(n.asText()));
            for (JsonNode target : changedNu) {
                if (!before.contains(target.asText())) {
                    verify(context, target.asText());
                }
            }
        }
    }

    /** Sends the verification request (digest §6.5) unless the target is the originator itself. */
    private void verify(HandlerContext context, String target) {
        String originator = context.originator();
        if (ids.same(target, originator)) {
            return;
        }
        String sur = context.config().cseId() + "/" + subscriptionRi(context);
        NotificationTarget resolved = resolver.resolve(target);
        if (resolved instanceof NotificationTarget.Unreachable u) {
            throw verificationFailed(target, "it cannot be sent: " + u.reason());
        }
        NotificationTarget.Reachable r = (NotificationTarget.Reachable) resolved;
        Request request = Request.builder()
                .operation(Operation.NOTIFY)
                .to(r.to())
                .from(context.config().cseId())
                .requestId("verify-" + subscriptionRi(context))
                .releaseVersion(context.request() != null && context.request().releaseVersion() != null
                        ? context.request().releaseVersion() : "3")
                .content(NotificationContent.verification(sur, originator))
                .build();
        Response answer = dispatcher.sendNow(r.url(), request);
        if (answer.statusCode() != ResponseStatusCode.OK) {
            throw verificationFailed(target, "it was answered with " + answer.statusCode().code() + " "
                    + answer.statusCode() + (answer.debugMessage() == null ? "" : " (" + answer.debugMessage() + ")"));
        }
        LOG.debug("sub {} verified by {}", subscriptionRi(context), target);
    }

    private static String subscriptionRi(HandlerContext context) {
        return switch (context) {
            case CreateContext c -> c.ri();
            case UpdateContext u -> u.current().ri();
            default -> "?";
        };
    }

    private static OneM2MException verificationFailed(String target, String why) {
        return new OneM2MException(ResponseStatusCode.SUBSCRIPTION_VERIFICATION_INITIATION_FAILED,
                "verification request to notification target " + target + " failed: " + why);
    }
}
