package org.oneedge.cse.polling;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.oneedge.cse.access.OriginatorId;
import org.oneedge.cse.resource.AttributeSchema;
import org.oneedge.cse.resource.CreateContext;
import org.oneedge.cse.resource.DeleteContext;
import org.oneedge.cse.resource.HandlerContext;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.resource.UpdateContext;
import org.oneedge.cse.resource.VirtualRequest;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.PollingPrimitives;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code <pollingChannel>} (ty 15, TS-0004 7.4.21) and its virtual {@code pcu} (7.4.22), digest §8.3: at most one
 * per {@code <AE>}, created, changed and deleted only by that AE (4103); a RETRIEVE of {@code pcu} by the AE long-polls
 * its queue and answers 2000 {@code {"m2m:rqp":…}} or 4008 when nothing came in time; a NOTIFY to {@code pcu} with
 * {@code {"m2m:rsp":{rqi,rsc,…}}} is the AE's answer to a message it polled, which confirms its delivery and goes
 * back to the requester waiting for it (delivery semantics: {@code Mailboxes}); CREATE/UPDATE/DELETE of {@code pcu}
 * → 4005.
 */
public final class PollingChannelHandler implements ResourceHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PollingChannelHandler.class);
    private static final String PCU = "pcu";

    private static final AttributeSchema SCHEMA = AttributeSchema.builder("pollingChannel")
            .accessControlPolicyIds()
            .creator()
            .build();

    private final ResourceStore store;
    private final Mailboxes mailboxes;
    private final PollingChannelSettings settings;
    private final OriginatorId ids;
    private final Clock clock;

    PollingChannelHandler(ResourceStore store, Mailboxes mailboxes, PollingChannelSettings settings, OriginatorId ids,
                          Clock clock) {
        this.store = store;
        this.mailboxes = mailboxes;
        this.settings = settings;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public ResourceType type() {
        return ResourceType.POLLING_CHANNEL;
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
    public Set<String> virtualChildren() {
        return Set.of(PCU);
    }

    @Override
    public void create(CreateContext context) {
        Resource owner = context.parent();
        requireOwner(context, owner, "create a pollingChannel below");
        if (!context.store().children(owner.ri(), ResourceType.POLLING_CHANNEL, 0, 1).isEmpty()) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST,
                    "'" + owner.path() + "' already has a pollingChannel; an entity has at most one");
        }
    }

    @Override
    public void update(UpdateContext context) {
        requireOwner(context, store.get(context.current().pi()).orElse(null), "update the pollingChannel of");
    }

    @Override
    public void delete(DeleteContext context) {
        if (context.request() != null) {
            requireOwner(context, context.parent(), "delete the pollingChannel of");
        }
    }

    @Override
    public Response handleVirtual(VirtualRequest virtual) {
        Request request = virtual.request();
        if (!virtual.subPath().isEmpty()) {
            throw new OneM2MException(ResponseStatusCode.NOT_FOUND,
                    "target '" + request.to() + "' does not exist: pcu has no children");
        }
        Resource owner = store.get(virtual.parent().pi()).orElseThrow(() -> new OneM2MException(
                ResponseStatusCode.NOT_FOUND, "the pollingChannel '" + virtual.parent().path() + "' has no owner"));
        if (!isOwner(request.from(), owner)) {
            throw new OneM2MException(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, "only " + ownerId(owner)
                    + " may use '" + virtual.parent().path() + "/pcu', not " + request.from());
        }
        return switch (request.operation()) {
            case RETRIEVE -> longPoll(owner, request);
            case NOTIFY -> answer(owner, request);
            default -> throw new OneM2MException(ResponseStatusCode.OPERATION_NOT_ALLOWED,
                    "the pollingChannelURI (pcu) allows only RETRIEVE (poll) and NOTIFY (answers), not "
                            + request.operation());
        };
    }

    private Response longPoll(Resource owner, Request request) {
        Duration timeout = RequestDeadline.within(settings.pollTimeout(), request.requestExpirationTimestamp(), clock);
        Optional<Request> next;
        try {
            next = timeout.isNegative() || timeout.isZero() ? Optional.empty() : mailboxes.poll(owner.ri(), timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OneM2MException(ResponseStatusCode.REQUEST_TIMEOUT, "the poll was interrupted");
        }
        if (next.isEmpty()) {
            return Response.error(ResponseStatusCode.REQUEST_TIMEOUT, "no request for " + ownerId(owner)
                    + " arrived within " + Math.max(0, timeout.toMillis()) + " ms; poll again");
        }
        LOG.debug("polling channel of {}: handed out {} {}", owner.ri(), next.get().operation(),
                next.get().requestId());
        return Response.of(ResponseStatusCode.OK, PollingPrimitives.requestPrimitive(next.get()));
    }

    /**
     * The entity's answer to a message it polled: {@code {"m2m:rsp":{"rqi":…,"rsc":…[,"pc":…][,"fr":…]}}}, the only
     * member of the content. Malformed → 4000 and nothing changes; an {@code rqi} never handed to this entity → 4004;
     * an {@code rqi} answered before → 2000 and nothing changes (the entity may repeat an answer after a redelivery).
     */
    private Response answer(Resource owner, Request request) {
        Response response = Primitives.responsePrimitive(request.content(), ownerId(owner),
                originator -> isOwner(originator, owner));
        String rqi = response.requestId();
        return switch (mailboxes.answer(owner.ri(), rqi, response)) {
            case ACCEPTED -> {
                LOG.debug("polling channel of {}: answer {} to {}", owner.ri(), response.statusCode().code(), rqi);
                yield Response.of(ResponseStatusCode.OK, null);
            }
            case REPEATED -> {
                LOG.debug("polling channel of {}: repeated answer to {} ignored", owner.ri(), rqi);
                yield Response.of(ResponseStatusCode.OK, null);
            }
            case UNKNOWN -> throw new OneM2MException(ResponseStatusCode.NOT_FOUND, "no request with rqi '" + rqi
                    + "' was delivered to " + ownerId(owner) + " through '" + request.to() + "'");
        };
    }

    private void requireOwner(HandlerContext context, Resource owner, String what) {
        if (owner == null || owner.type() != ResourceType.AE && owner.type() != ResourceType.REMOTE_CSE) {
            throw new OneM2MException(ResponseStatusCode.INVALID_CHILD_RESOURCE_TYPE,
                    "a pollingChannel belongs below an AE or remoteCSE");
        }
        if (!context.config().adminOriginator().equals(context.originator()) && !isOwner(context.originator(), owner)) {
            throw new OneM2MException(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, "only " + ownerId(owner)
                    + " may " + what + " '" + owner.path() + "', not " + context.originator());
        }
    }

    private boolean isOwner(String originator, Resource owner) {
        return originator != null && ids.same(originator, ownerId(owner));
    }

    private static String ownerId(Resource owner) {
        JsonNode id = owner.type() == ResourceType.AE ? owner.attributes().get("aei") : owner.attributes().get("csi");
        return id != null && id.isTextual() ? id.asText() : owner.ri();
    }

}
