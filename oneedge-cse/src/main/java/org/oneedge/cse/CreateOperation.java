package org.oneedge.cse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.oneedge.cse.event.ResourceEvent;
import org.oneedge.cse.resource.CreateContext;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.StoreConflictException;
import org.oneedge.cse.store.Write;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.oneedge.model.ResultContent;
import org.oneedge.model.TimestampCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CREATE (TS-0004 7.3.3.2 generic procedure): child type allowed under the parent, access, content checks, then the
 * universal attributes, the type's handler and one atomic store batch, built and queued while the parent's write
 * lock is held and awaited (durable) after it is released, see {@link PipelinedWrites}.
 */
final class CreateOperation {

    private static final Logger LOG = LoggerFactory.getLogger(CreateOperation.class);

    private final Engine engine;

    CreateOperation(Engine engine) {
        this.engine = engine;
    }

    Response handle(Request request, Target target, ResultContent rcn) {
        if (target instanceof Target.Virtual v) {
            throw new OneM2MException(ResponseStatusCode.OPERATION_NOT_ALLOWED,
                    "cannot CREATE below the virtual resource '" + v.name() + "'");
        }
        Resource parent = target.anchor();
        ResourceType type = ResourceType.of(request.resourceType()).orElseThrow();
        ResourceHandler handler = engine.handlers.get(type);
        ResourceHandler parentHandler = engine.handlers.get(parent.type());
        if (parentHandler == null || !parentHandler.childTypes().contains(type)) {
            if (type == ResourceType.SUBSCRIPTION) {
                throw new OneM2MException(ResponseStatusCode.TARGET_NOT_SUBSCRIBABLE,
                        "'" + parent.path() + "' cannot be subscribed to (TS-0004 7.4.8.2.1)");
            }
            String parentName = parentHandler == null ? parent.type().shortName() : parentHandler.schema().typeName();
            throw new OneM2MException(ResponseStatusCode.INVALID_CHILD_RESOURCE_TYPE,
                    "type " + handler.schema().typeName() + " (ty=" + type.ty() + ") is not allowed as a child of "
                            + parentName + " '" + parent.path() + "'");
        }
        Engine.Content content = engine.content(request, handler, null);
        ObjectNode requested = content.attributes();
        if (handler.createNeedsPrivilege()) {
            engine.requirePrivilege(request.from(), Operation.CREATE.privilege(), parent, request,
                    "CREATE a " + handler.schema().typeName() + " below");
        }
        content.schema().validateCreate(requested);
        String rn = requested.hasNonNull("rn") ? requested.get("rn").asText() : null;
        if (rn != null) {
            checkName(rn, parentHandler);
        }
        try {
            return createOnce(request, parent, type, handler, rn, requested.deepCopy(), rcn);
        } catch (StoreConflictException e) {
            // the generated ri met a row of an earlier run (its counter started among that run's numbers, see
            // ResourceIds): a new random start, and the request once more; any other conflict is the originator's
            String taken = e.takenResourceId().orElseThrow(() -> conflict(e));
            LOG.warn("generated ri {} already exists in the store; ri counter restarted, CREATE {} retried once",
                    taken, request.requestId());
            engine.ids.restartRiCounter();
            try {
                return createOnce(request, parent, type, handler, rn, requested, rcn);
            } catch (StoreConflictException again) {
                throw conflict(again);
            }
        }
    }

    private static OneM2MException conflict(StoreConflictException e) {
        return new OneM2MException(ResponseStatusCode.CONFLICT, e.getMessage());
    }

    /** One attempt of the CREATE proper; a store conflict comes out as is, for {@link #handle} to judge. */
    private Response createOnce(Request request, Resource parent, ResourceType type, ResourceHandler handler,
                                String rn, ObjectNode requested, ResultContent rcn) {
        boolean creatorRequested = requested.has("cr");

        // neither the ri nor a generated rn is looked up (see ResourceIds): the store's unique ri and path refuse the
        // (rare) clash; a clash of the ri is retried once with a new counter start, of the rn answers 4105
        String ri = engine.ids.newRi(type);
        String name = rn != null ? rn : engine.ids.newRn(type);

        Resource created;
        CreateContext context;
        PipelinedWrites.Pending pending;
        WriteLocks.Held lock = handler.createLocksParent() ? engine.locks.lock(parent.ri()) : WriteLocks.NONE;
        try {
            Resource freshParent = engine.writes.get(parent.ri())
                    .orElseThrow(() -> TargetResolver.notFound(request.to()));
            Instant now = engine.clock.next();
            String path = freshParent.path() + "/" + name;
            if (rn != null && engine.writes.getByPath(path).isPresent()) {
                throw new OneM2MException(ResponseStatusCode.CONFLICT,
                        "a resource named '" + rn + "' already exists below '" + freshParent.path() + "'");
            }
            Instant expiresAt = engine.expiration(requested.get("et"), now);
            ObjectNode draft = draft(type, ri, name, freshParent.ri(), now, expiresAt, requested);
            context = new CreateContext(request, request.from(), now, engine.writes, engine.config, freshParent,
                    draft, ri, expiresAt);
            handler.create(context);
            if (creatorRequested) {
                draft.put("cr", context.originator());
            }
            created = new Resource(context.ri(), freshParent.ri(), type, name, path, now, now, context.expiresAt(),
                    draft);
            List<Write> batch = new ArrayList<>(context.extraWrites());
            if (context.parentChanged()) {
                batch.add(context.parentWrite());
            }
            batch.add(new Write.Create(created));
            pending = engine.writes.submit(batch);
        } finally {
            lock.close();
        }
        // the next create below the same parent builds on this one's pending state meanwhile, and its batch joins
        // the same group commit; this request is answered only once its batch is durable
        pending.await();
        engine.events.publishAll(context.extraEvents());
        if (engine.events.hasListeners()) {
            engine.events.publish(new ResourceEvent.Created(created, context.parent(), context.originator()));
        }
        Response response = Response.of(ResponseStatusCode.CREATED, content(created, requested, rcn, context.now()));
        // TS-0009 (digest §2.2): Content-Location only when the response carries the created resource's address
        return rcn == ResultContent.HIERARCHICAL_ADDRESS || rcn == ResultContent.HIERARCHICAL_ADDRESS_AND_ATTRIBUTES
                ? response.withContentLocation(created.path()) : response;
    }

    private ObjectNode content(Resource created, ObjectNode requested, ResultContent rcn, Instant now) {
        return switch (rcn) {
            case NOTHING -> null;
            case MODIFIED_ATTRIBUTES -> ModifiedAttributes.of(engine.handlers.rootKey(created.type()), requested,
                    engine.represent(created, now));
            case HIERARCHICAL_ADDRESS -> {
                ObjectNode uri = ContentCodec.object();
                uri.put("m2m:uri", created.path());
                yield uri;
            }
            case HIERARCHICAL_ADDRESS_AND_ATTRIBUTES -> {
                ObjectNode rce = ContentCodec.object();
                ObjectNode inner = rce.putObject("m2m:rce");
                String rootKey = engine.handlers.rootKey(created);
                inner.set(rootKey.substring(rootKey.indexOf(':') + 1), engine.represent(created, now));
                inner.put("uri", created.path());
                yield rce;
            }
            default -> engine.wrap(created, now);
        };
    }

    /** The new resource's representation: universal attributes first, then what the originator sent. */
    private static ObjectNode draft(ResourceType type, String ri, String rn, String pi, Instant now, Instant expiresAt,
                                    ObjectNode requested) {
        ObjectNode draft = ContentCodec.object();
        String ct = TimestampCodec.format(now);
        draft.put("ty", type.ty());
        draft.put("ri", ri);
        draft.put("rn", rn);
        draft.put("pi", pi);
        draft.put("ct", ct);
        draft.put("lt", ct);
        if (expiresAt != null) {
            draft.put("et", TimestampCodec.format(expiresAt));
        }
        for (var field : requested.properties()) {
            String key = field.getKey();
            if (!field.getValue().isNull() && !key.equals("rn") && !key.equals("et") && !key.equals("cr")) {
                draft.set(key, field.getValue());
            }
        }
        return draft;
    }

    private static void checkName(String rn, ResourceHandler parentHandler) {
        if (!ResourceIds.isValidName(rn)) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "resource name '" + rn
                    + "' is invalid: it must start with a letter or digit, followed by letters, digits, '-', '.' or '_'");
        }
        if (parentHandler.instanceType() != null
                && (rn.equals(Target.Virtual.LATEST) || rn.equals(Target.Virtual.OLDEST))) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST,
                    "resource name '" + rn + "' is reserved for the virtual resource below a "
                            + parentHandler.schema().typeName());
        }
        if (parentHandler.virtualChildren().contains(rn)) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "resource name '" + rn
                    + "' is reserved for the virtual resource below a " + parentHandler.schema().typeName());
        }
    }
}
