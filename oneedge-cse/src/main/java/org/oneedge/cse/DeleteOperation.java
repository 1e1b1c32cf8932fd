package org.oneedge.cse;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.oneedge.cse.event.ResourceEvent;
import org.oneedge.cse.resource.DeleteContext;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.Write;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.oneedge.model.ResultContent;

/**
 * DELETE (TS-0004 7.3.5.2) by request, and the same path for expiry (TS-0001 9.6.1.3 {@code et}): the resource and
 * its subtree go in one atomic batch together with the handler's corrections of the parent; listeners hear one
 * {@link ResourceEvent.Deleted} carrying the removed descendants.
 */
final class DeleteOperation {

    /** Types reported in {@link ResourceEvent.Deleted#removedDescendants()}: all but instances. */
    private static final Set<ResourceType> REPORTED_DESCENDANTS;

    static {
        EnumSet<ResourceType> types = EnumSet.allOf(ResourceType.class);
        types.remove(ResourceType.CONTENT_INSTANCE);
        types.remove(ResourceType.TIME_SERIES_INSTANCE);
        types.remove(ResourceType.FLEX_CONTAINER_INSTANCE);
        REPORTED_DESCENDANTS = Set.copyOf(types);
    }

    private final Engine engine;

    DeleteOperation(Engine engine) {
        this.engine = engine;
    }

    Response handle(Request request, Target target, ResultContent rcn) {
        Resource resource = switch (target) {
            case Target.Stored s -> s.resource();
            case Target.Virtual v -> engine.retrieve.instance(v, request.to());
            case Target.Delegated d -> throw new IllegalStateException("handled by the engine");
        };
        engine.requireRetrievalEnabled(resource, target instanceof Target.Virtual v ? v.parent() : null, "DELETE");
        ResourceHandler handler = engine.handlerOf(resource);
        if (!handler.deletable()) {
            throw new OneM2MException(ResponseStatusCode.OPERATION_NOT_ALLOWED,
                    "a " + handler.schema().typeName() + " cannot be deleted");
        }
        engine.requirePrivilege(request.from(), Operation.DELETE.privilege(), resource, request, "DELETE");
        var content = rcn == ResultContent.NOTHING ? null
                : engine.retrieve.render(resource, request, rcn, engine.clock.now());
        if (delete(resource, request.from(), ResourceEvent.Cause.REQUEST, request).isEmpty()) {
            throw TargetResolver.notFound(request.to());
        }
        return content == null ? Response.of(ResponseStatusCode.DELETED, null)
                : Response.of(ResponseStatusCode.DELETED, content.content())
                        .withContentStatus(content.contentStatus(), content.contentOffset());
    }

    /**
     * Deletes a resource and its subtree.
     *
     * @param request the DELETE request, or null for the CSE's own deletions
     * @return the deleted resource as it was, or empty when it was already gone
     */
    Optional<Resource> delete(Resource resource, String originator, ResourceEvent.Cause cause, Request request) {
        ResourceHandler handler = engine.handlers.get(resource.type());
        DeleteContext context;
        Resource gone;
        List<Resource> descendants;
        WriteLocks.Held lock = resource.pi().isEmpty() ? engine.locks.lock(resource.ri())
                : engine.locks.lock(resource.pi(), resource.ri());
        try {
            Optional<Resource> fresh = engine.writes.get(resource.ri());
            if (fresh.isEmpty()) {
                return Optional.empty();
            }
            gone = fresh.get();
            Resource parent = gone.pi().isEmpty() ? null : engine.writes.get(gone.pi()).orElse(null);
            context = new DeleteContext(request, originator, engine.clock.next(), engine.writes, engine.config, gone,
                    parent, cause);
            if (handler != null) {
                handler.delete(context);
            }
            descendants = engine.events.hasListeners()
                    ? engine.store.descendants(gone.path(), 0, REPORTED_DESCENDANTS)
                    : List.of();
            List<Write> batch = new ArrayList<>(context.extraWrites());
            if (context.parentChanged()) {
                batch.add(new Write.Update(context.parent()));
            }
            batch.add(new Write.Delete(gone.ri()));
            engine.writes.apply(batch);
        } finally {
            lock.close();
        }
        engine.events.publishAll(context.extraEvents());
        if (engine.events.hasListeners()) {
            engine.events.publish(new ResourceEvent.Deleted(gone, context.parent(), originator, cause, descendants));
        }
        return Optional.of(gone);
    }

}
