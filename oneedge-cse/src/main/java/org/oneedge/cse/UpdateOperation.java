package org.oneedge.cse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.oneedge.cse.event.ResourceEvent;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.resource.UpdateContext;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.Write;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.oneedge.model.ResultContent;
import org.oneedge.model.TimestampCodec;

/**
 * UPDATE (TS-0004 7.3.4.2): access, content checks, merge ({@code null} removes an attribute, digest §2.7),
 * {@code lt}, the type's handler and one atomic store batch under the resource's write lock.
 */
final class UpdateOperation {

    private final Engine engine;

    UpdateOperation(Engine engine) {
        this.engine = engine;
    }

    Response handle(Request request, Target target, ResultContent rcn) {
        if (target instanceof Target.Virtual v) {
            throw new OneM2MException(ResponseStatusCode.OPERATION_NOT_ALLOWED,
                    "the virtual resource '" + v.name() + "' cannot be updated");
        }
        Resource resource = target.anchor();
        ResourceHandler handler = engine.handlerOf(resource);
        if (!handler.updatable()) {
            throw new OneM2MException(ResponseStatusCode.OPERATION_NOT_ALLOWED,
                    "a " + handler.schema().typeName() + " cannot be updated");
        }
        Engine.Content content = engine.content(request, handler, resource);
        ObjectNode changes = content.attributes();
        if (changes.has("acpi") && changes.size() > 1) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST,
                    "an UPDATE of 'acpi' must not change other attributes (TS-0001 9.6.2.3)");
        }
        engine.requirePrivilege(request.from(), Operation.UPDATE.privilege(), resource, request, "UPDATE");
        content.schema().validateUpdate(changes);

        Resource updated;
        Resource before;
        UpdateContext context;
        WriteLocks.Held lock = engine.locks.lock(resource.ri());
        try {
            before = TargetResolver.live(engine.writes.get(resource.ri()), engine.clock.now())
                    .orElseThrow(() -> TargetResolver.notFound(request.to()));
            Instant now = engine.clock.next();
            ObjectNode draft = before.attributes().deepCopy();
            Instant expiresAt = before.expiresAt();
            for (var field : changes.properties()) {
                if (field.getKey().equals("et")) {
                    expiresAt = engine.expiration(field.getValue(), now);
                    draft.put("et", TimestampCodec.format(expiresAt));
                } else if (field.getValue().isNull()) {
                    draft.remove(field.getKey());
                } else {
                    draft.set(field.getKey(), field.getValue());
                }
            }
            draft.put("lt", TimestampCodec.format(now));
            context = new UpdateContext(request, request.from(), now, engine.writes, engine.config, before, changes,
                    draft, expiresAt);
            handler.update(context);
            updated = new Resource(before.ri(), before.pi(), before.type(), before.rn(), before.path(),
                    before.createdAt(), now, context.expiresAt(), draft);
            List<Write> batch = new ArrayList<>(context.extraWrites());
            batch.add(new Write.Update(updated));
            engine.apply(batch);
        } finally {
            lock.close();
        }
        engine.events.publishAll(context.extraEvents());
        if (engine.events.hasListeners()) {
            Set<String> modified = new HashSet<>();
            changes.fieldNames().forEachRemaining(modified::add);
            engine.events.publish(new ResourceEvent.Updated(before, updated, modified, context.originator()));
        }
        return Response.of(ResponseStatusCode.UPDATED,
                switch (rcn) {
                    case NOTHING -> null;
                    case MODIFIED_ATTRIBUTES -> ModifiedAttributes.of(engine.handlers.rootKey(updated.type()),
                            changes, before.attributes(), updated.attributes());
                    default -> engine.wrap(updated, context.now());
                });
    }
}
