package org.oneedge.cse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.oneedge.cse.resource.AccessChecker;
import org.oneedge.cse.resource.AttributeSchema;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.resource.VirtualRequest;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.cse.store.StoreConflictException;
import org.oneedge.cse.store.Write;
import org.oneedge.model.Address;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResourceType;
import org.oneedge.model.ResponseStatusCode;
import org.oneedge.model.ResultContent;
import org.oneedge.model.TimestampCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request path of one CSE, shared by the per-operation classes (TS-0004 7.3, ARCHITECTURE.md "A request's way"):
 *
 * <pre>
 *  send(Request)
 *    │ PrimitiveCheck      rvi, fr, ty, rcn, fc          → 4001 / 4000 / 4005
 *    │ Address.parse       to                            → 4000
 *    ├─ other CSE-ID ───► Forwarder                      → 4004 until Mcc exists
 *    │ TargetResolver      structured / ri / hybrid / la, ol → 4004
 *    │ Create-/Retrieve-/Update-/DeleteOperation
 *    │     access check (AccessChecker)                  → 4103
 *    │     ResourceHandler (schema, type rules)          → 4000 / 4005 / 4108 / 4117 / 5207
 *    │     ResourceStore.submit(batch) under WriteLocks, await durable (CREATE: after unlocking)
 *    │     EventBus → ResourceEventListeners
 *    ▼ Response (rcn), rqi / rvi echoed
 * </pre>
 */
final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    final CseConfig config;
    final ResourceStore store;
    /** The store as writers see it under {@link #locks}: committed state plus their pending batches. */
    final PipelinedWrites writes;
    final CreationClock clock;
    final HandlerTable handlers;
    final AccessChecker access;
    final EventBus events;
    final WriteLocks locks = new WriteLocks(256);
    final ResourceIds ids;
    private final Forwarder forwarder;
    private final PrimitiveCheck primitiveCheck;
    private final TargetResolver resolver;
    final CreateOperation create;
    final RetrieveOperation retrieve;
    final UpdateOperation update;
    final DeleteOperation delete;

    Engine(CseConfig config, ResourceStore store, CreationClock clock, HandlerTable handlers, AccessChecker access,
           EventBus events, Forwarder forwarder) {
        this.config = config;
        this.store = store;
        this.writes = new PipelinedWrites(store);
        this.clock = clock;
        this.handlers = handlers;
        this.access = access;
        this.events = events;
        this.forwarder = forwarder;
        this.ids = new ResourceIds();
        this.primitiveCheck = new PrimitiveCheck(config, handlers, clock);
        this.resolver = new TargetResolver(config, store, handlers);
        this.create = new CreateOperation(this);
        this.retrieve = new RetrieveOperation(this);
        this.update = new UpdateOperation(this);
        this.delete = new DeleteOperation(this);
    }

    /** The whole request path; never throws for bad input. */
    Response process(Request request) {
        Response response;
        try {
            response = dispatch(request);
        } catch (OneM2MException e) {
            response = e.toResponse();
        } catch (RuntimeException e) {
            LOG.warn("request {} {} from {} failed: {}", request.operation(), request.to(), request.from(), e.toString(), e);
            response = Response.error(ResponseStatusCode.INTERNAL_SERVER_ERROR, "internal error: " + e);
        }
        LOG.debug("{} {} from {} rqi {} -> {}", request.operation(), request.to(), request.from(),
                request.requestId(), response.statusCode());
        return response.withRequestId(request.requestId())
                .withReleaseVersion(request.releaseVersion())
                .withFrom(config.cseId())
                .withTo(request.from());
    }

    /** Runs an extension's interceptor with the same error handling and echoed parameters as {@link #process}. */
    Response intercept(Function<Request, Response> interceptor, Request request) {
        Response response;
        try {
            response = interceptor.apply(request);
        } catch (OneM2MException e) {
            response = e.toResponse();
        } catch (RuntimeException e) {
            LOG.warn("request {} {} from {} failed: {}", request.operation(), request.to(), request.from(), e.toString(), e);
            response = Response.error(ResponseStatusCode.INTERNAL_SERVER_ERROR, "internal error: " + e);
        }
        return response == null ? null : response.withRequestId(request.requestId())
                .withReleaseVersion(request.releaseVersion())
                .withFrom(config.cseId())
                .withTo(request.from());
    }

    private Response dispatch(Request request) {
        ResultContent rcn = primitiveCheck.check(request);
        Address address;
        try {
            address = Address.parse(request.to());
        } catch (IllegalArgumentException e) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, e.getMessage());
        }
        if (!address.targetsCse(config.cseId(), config.spId())) {
            return forwarder.forward(request, address);
        }
        if (address.attribute() != null && request.operation() != Operation.RETRIEVE) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST,
                    "an attribute address ('#" + address.attribute() + "') is only allowed with RETRIEVE");
        }
        Target target = resolver.resolve(address, request.to(), clock.now());
        if (target instanceof Target.Delegated d) {
            return handlers.get(d.parent().type()).handleVirtual(new VirtualRequest(request, d.parent(), d.name(),
                    d.subPath(), this::permits, (parentType, childTy) -> {
                        ResourceHandler parentHandler = handlers.get(parentType);
                        return parentHandler != null && ResourceType.of(childTy)
                                .map(parentHandler.childTypes()::contains).orElse(false);
                    }));
        }
        return switch (request.operation()) {
            case CREATE -> create.handle(request, target, rcn);
            case RETRIEVE -> retrieve.handle(request, target, rcn, address.attribute());
            case UPDATE -> update.handle(request, target, rcn);
            case DELETE -> delete.handle(request, target, rcn);
            case NOTIFY -> {
                if (target instanceof Target.Stored stored && (stored.resource().type() == ResourceType.AE
                        || stored.resource().type() == ResourceType.REMOTE_CSE)) {
                    yield forwarder.deliver(request, stored.resource());
                }
                throw new OneM2MException(ResponseStatusCode.OPERATION_NOT_ALLOWED,
                        "NOTIFY is not supported for '" + request.to() + "'");
            }
        };
    }

    /** The handler of a stored resource's type; 4005 when this CSE has none (the type was stored by a feature now absent). */
    ResourceHandler handlerOf(Resource resource) {
        ResourceHandler handler = handlers.get(resource.type());
        if (handler == null) {
            throw new OneM2MException(ResponseStatusCode.OPERATION_NOT_ALLOWED,
                    "resources of type " + resource.type().shortName() + " are not supported by this CSE");
        }
        return handler;
    }

    /**
     * Refuses with 4005 a RETRIEVE or DELETE of a content instance (directly or through {@code la}/{@code ol}) whose
     * container has {@code disr=true} (TS-0004 7.4.7, digest §7.1).
     *
     * @param container the instance's parent when already at hand, else null
     */
    void requireRetrievalEnabled(Resource instance, Resource container, String operation) {
        if (instance.type() != org.oneedge.model.ResourceType.CONTENT_INSTANCE) {
            return;
        }
        Resource parent = container != null ? container : store.get(instance.pi()).orElse(null);
        if (parent != null && parent.attributes().path("disr").asBoolean(false)) {
            throw new OneM2MException(ResponseStatusCode.OPERATION_NOT_ALLOWED, operation + " of instances of '"
                    + parent.path() + "' is disabled (disableRetrieval is true)");
        }
    }

    /** Refuses with 4103 unless the originator holds the privilege; the admin always does. */
    void requirePrivilege(String originator, int privilege, Resource target, Request request, String what) {
        if (!permits(originator, privilege, target, request)) {
            throw new OneM2MException(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE,
                    "originator '" + originator + "' has no privilege to " + what + " '" + target.path() + "'");
        }
    }

    boolean permits(String originator, int privilege, Resource target, Request request) {
        return config.adminOriginator().equals(originator) || access.permits(originator, privilege, target, request);
    }

    /** A request's attributes (below the root key, copied) and the attribute table they are checked against. */
    record Content(ObjectNode attributes, AttributeSchema schema) {}

    /**
     * The attributes below the content's root key, copied so the request stays untouched, with their schema.
     *
     * @param current the resource an UPDATE changes; null for CREATE
     * @throws OneM2MException BAD_REQUEST when the root key is not the handler's
     */
    Content content(Request request, ResourceHandler handler, Resource current) {
        JsonNode content = request.content();
        String expected = current == null ? handler.rootKey() : handler.rootKey(current);
        if (content == null || !content.isObject() || content.size() != 1) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST,
                    "content must hold exactly one root element '" + expected + "'");
        }
        String root = content.fieldNames().next();
        AttributeSchema schema = current == null || root.equals(expected) ? handler.schema(root) : null;
        if (schema == null) {
            String typeInfo = request.operation() == Operation.CREATE
                    ? "ty=" + request.resourceType()
                    : "the target's type " + handler.schema().typeName();
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST,
                    "content root '" + root + "' does not match " + typeInfo + " (expected '" + expected + "')");
        }
        JsonNode attributes = content.get(root);
        if (!attributes.isObject()) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "'" + root + "' must be an object of attributes");
        }
        return new Content(((ObjectNode) attributes).deepCopy(), schema);
    }

    /**
     * The {@code et} to store for a requested value: the default (now + maxExpirationDelta) when absent or null,
     * clamped to that maximum, 4000 when in the past (TS-0004 7.3.3.2).
     */
    Instant expiration(JsonNode requested, Instant now) {
        Instant max = now.plus(config.maxExpirationDelta());
        if (requested == null || requested.isNull()) {
            return max;
        }
        Instant et = TimestampCodec.parse(requested.asText());
        if (!et.isAfter(now)) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST,
                    "attribute 'et' (" + requested.asText() + ") lies in the past");
        }
        return et.isAfter(max) ? max : TimestampCodec.truncate(et);
    }

    /** Applies one atomic store batch of a CREATE or UPDATE; a store conflict answers CONFLICT (4105). */
    void apply(List<Write> batch) {
        await(writes.submit(batch));
    }

    /** Waits until a submitted batch of a CREATE or UPDATE is durable; a store conflict answers CONFLICT (4105). */
    void await(PipelinedWrites.Pending pending) {
        try {
            pending.await();
        } catch (StoreConflictException e) {
            throw new OneM2MException(ResponseStatusCode.CONFLICT, e.getMessage());
        }
    }

    /** {@code {"m2m:xxx": representation}}. */
    ObjectNode wrap(Resource resource, Instant now) {
        ObjectNode out = ContentCodec.object();
        out.set(handlers.rootKey(resource), represent(resource, now));
        return out;
    }

    ObjectNode represent(Resource resource, Instant now) {
        ResourceHandler handler = handlers.get(resource.type());
        return handler == null ? resource.attributes() : handler.represent(resource, now);
    }

    /** The address of a resource in discovery results and references: structured path, or {@code <csi>/<ri>}. */
    String address(Resource resource, Integer drt) {
        return drt != null && drt == 2 ? config.cseId() + "/" + resource.ri() : resource.path();
    }
}
