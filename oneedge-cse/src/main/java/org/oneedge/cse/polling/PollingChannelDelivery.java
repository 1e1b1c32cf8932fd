package org.oneedge.cse.polling;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Optional;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.Forwarder;
import org.oneedge.cse.remote.RemoteCseRoutes;
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
 * A request for another CSE whose next hop is a registree {@code <remoteCSE>} with {@code rr=false} (an MN-CSE that
 * cannot be reached, digest §8.3 "Setup": "an AE (or CSE) with rr=false … under its {@code <remoteCSE>}") takes the
 * same way through that registree's polling channel, its AE-ID-Stem originator made SP-relative as the registrar
 * does (TS-0001 7.2); the registree's {@code CseRegistrar} polls it and answers with its own CSE's response.
 * Everything else (reachable entities, requests for other CSEs) goes to the wrapped {@link Forwarder}.
 */
final class PollingChannelDelivery implements Forwarder {

    private static final Logger LOG = LoggerFactory.getLogger(PollingChannelDelivery.class);

    private final Forwarder next;
    private final ResourceStore store;
    private final Mailboxes mailboxes;
    private final PollingChannelSettings settings;
    private final Clock clock;
    private final CseConfig config;
    private final RemoteCseRoutes routes;

    PollingChannelDelivery(Forwarder next, ResourceStore store, Mailboxes mailboxes, PollingChannelSettings settings,
                           Clock clock, CseConfig config) {
        this.next = next;
        this.config = config;
        this.routes = new RemoteCseRoutes(store, config.cseIdWithoutSlash());
        this.store = store;
        this.mailboxes = mailboxes;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Response forward(Request request, Address target) {
        Optional<Resource> registree = unreachableNextHop(target);
        if (registree.isPresent()) {
            String from = request.from();
            if (from != null && !from.isEmpty() && from.charAt(0) == 'C') { // TS-0001 7.2: the registrar's duty
                from = config.cseId() + "/" + from;
            }
            return deliver(request.toBuilder().from(from).build(), registree.get());
        }
        return next.forward(request, target);
    }

    /** The registree {@code <remoteCSE>} with {@code rr=false} through which {@code target} is reached, if any. */
    private Optional<Resource> unreachableNextHop(Address target) {
        if (target.scope() == Address.Scope.ABSOLUTE && !target.spId().equalsIgnoreCase(config.spId())) {
            return Optional.empty();
        }
        return routes.route(target.cseId())
                .filter(route -> route.kind() != RemoteCseRoutes.Route.Kind.REGISTRAR)
                .map(RemoteCseRoutes.Route::remoteCse)
                .filter(csr -> !csr.attributes().path("rr").asBoolean(true));
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
