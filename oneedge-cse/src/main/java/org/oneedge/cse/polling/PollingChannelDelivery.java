package org.oneedge.cse.polling;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.oneedge.cse.Forwarder;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.model.Address;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers requests addressed to a local {@code <AE>} or {@code <remoteCSE>} with {@code rr=false} through its
 * {@code <pollingChannel>} and waits for the entity's answer (TS-0004 7.5.1.2.7, digest §8.3 "Answer path"): the
 * request is queued, the entity polls it from {@code pcu}, answers it with {@code {"m2m:rsp":{rqi,rsc,pc}}} on
 * {@code pcu}, and that answer becomes the response of the waiting request (blocking request, TS-0001 8.2.2).
 *
 * <ul>
 *   <li>no {@code <pollingChannel>} under the entity, or its queue is full → 5103 TARGET_NOT_REACHABLE;</li>
 *   <li>no answer within {@link PollingChannelSettings#responseTimeout()} or the request's {@code rqet} → 4008
 *       REQUEST_TIMEOUT; a message no poll took yet is then withdrawn, so the entity never sees a request whose
 *       requester gave up;</li>
 *   <li>another request with the same {@code rqi} already waiting for the entity → 4105 CONFLICT.</li>
 * </ul>
 * Everything else (reachable entities, requests for other CSEs) goes to the wrapped {@link Forwarder}.
 */
final class PollingChannelDelivery implements Forwarder {

    private static final Logger LOG = LoggerFactory.getLogger(PollingChannelDelivery.class);

    private final Forwarder next;
    private final ResourceStore store;
    private final Mailboxes mailboxes;
    private final PollingChannelSettings settings;
    private final Clock clock;

    PollingChannelDelivery(Forwarder next, ResourceStore store, Mailboxes mailboxes, PollingChannelSettings settings,
                           Clock clock) {
        this.next = next;
        this.store = store;
        this.mailboxes = mailboxes;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Response forward(Request request, Address target) {
        return next.forward(request, target);
    }

    @Override
    public Response deliver(Request request, Resource entity) {
        if (entity.type() != ResourceType.AE && entity.type() != ResourceType.REMOTE_CSE
                || entity.attributes().path("rr").asBoolean(true)) {
            return next.deliver(request, entity);
        }
        if (store.children(entity.ri(), ResourceType.POLLING_CHANNEL, 0, 1).isEmpty()) {
            return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, entity.type().shortName() + " "
                    + entity.ri() + " has rr=false and no pollingChannel, so requests cannot reach it");
        }
        Duration wait = RequestDeadline.within(settings.responseTimeout(), request.requestExpirationTimestamp(), clock);
        if (wait.isNegative() || wait.isZero()) {
            return Response.error(ResponseStatusCode.REQUEST_TIMEOUT, "the request expired (rqet "
                    + request.requestExpirationTimestamp() + ") before it could be queued for " + entity.ri());
        }
        CompletableFuture<Response> answer = mailboxes.offer(entity.ri(), request);
        LOG.debug("{} {} from {} rqi {} queued for {} (rr=false), waiting up to {} ms for its answer",
                request.operation(), request.to(), request.from(), request.requestId(), entity.ri(), wait.toMillis());
        try {
            return answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            mailboxes.withdraw(entity.ri(), request.requestId());
            return Response.error(ResponseStatusCode.REQUEST_TIMEOUT, entity.ri() + " did not answer request "
                    + request.requestId() + " through its pollingChannel within " + wait.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            mailboxes.withdraw(entity.ri(), request.requestId());
            return Response.error(ResponseStatusCode.REQUEST_TIMEOUT, "interrupted while waiting for " + entity.ri());
        } catch (ExecutionException e) {
            return Response.error(ResponseStatusCode.INTERNAL_SERVER_ERROR, "internal error: " + e.getCause());
        }
    }
}
