package org.oneedge.handover.continuity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.registry.ServingState;
import org.oneedge.model.CseClient;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes downlink requests for an AE to its serving CSE (HANDOVER.md "Serving registry": the IN-CSE retargets
 * requests addressed to the AE) and holds them in a {@link DownlinkHold} while the AE is {@code MIGRATING}; the
 * coordinator calls {@link #release} after the switch (or the rollback) and they go out in arrival order.
 */
public final class DownlinkRouter {

    private static final Logger LOG = LoggerFactory.getLogger(DownlinkRouter.class);

    private final ServingRegistry registry;
    private final Function<String, CseClient> cses;
    private final Clock clock;
    private final int capacity;
    private final Duration maxHold;
    private final ConcurrentMap<String, DownlinkHold<Request>> holds = new ConcurrentHashMap<>();
    private final Set<String> frozen = ConcurrentHashMap.newKeySet();

    public DownlinkRouter(ServingRegistry registry, Function<String, CseClient> cses, Clock clock, int capacity,
                          Duration maxHold) {
        this.registry = registry;
        this.cses = cses;
        this.clock = clock;
        this.capacity = capacity;
        this.maxHold = maxHold;
    }

    /** Delivers now, or holds (1000 ACCEPTED), or refuses when the hold is full (5103 with the reason). */
    public Response send(String aeId, Request request) {
        DownlinkHold<Request> hold = hold(aeId);
        synchronized (hold) {
            Optional<ServingEntry> entry = registry.resolve(aeId);
            if (entry.isEmpty() || entry.get().state() == ServingState.RELEASED) {
                return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, "AE " + aeId + " is not served")
                        .withRequestId(request.requestId());
            }
            if (!frozen.contains(aeId) && entry.get().state() == ServingState.SERVING && hold.size() > 0) {
                // held ones whose CSE was down at the switch go first, in order
                warnExpired(aeId, redeliver(aeId, hold, entry.get()).expired());
            }
            if (frozen.contains(aeId) || entry.get().state() == ServingState.MIGRATING || hold.size() > 0) {
                if (hold.hold(request) instanceof DownlinkHold.Held.Overflow overflow) {
                    return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, "AE " + aeId
                            + " is migrating and " + overflow.capacity() + " requests are already held")
                            .withRequestId(request.requestId());
                }
                return Response.error(ResponseStatusCode.ACCEPTED, "held until AE " + aeId + " is switched")
                        .withRequestId(request.requestId());
            }
            return cses.apply(entry.get().servingCseId()).send(request);
        }
    }

    /**
     * Holds every later downlink for the AE until {@link #release}: called by the coordinator before the registry
     * moves to {@code MIGRATING}, it returns once a request being sent to the source has been answered, so nothing
     * reaches the source after its context was exported.
     */
    public void freeze(String aeId) {
        DownlinkHold<Request> hold = hold(aeId);
        synchronized (hold) {
            frozen.add(aeId);
        }
    }

    private DownlinkHold<Request> hold(String aeId) {
        return holds.computeIfAbsent(aeId, id -> new DownlinkHold<>(capacity, maxHold, clock));
    }

    /**
     * Sends the AE's held requests, in order, to the CSE that serves it now, and ends a {@link #freeze}.
     *
     * @return what was delivered and what waited too long (to be answered with an error by the caller)
     */
    public DownlinkHold.Released<Request> release(String aeId) {
        DownlinkHold<Request> hold = holds.get(aeId);
        ServingEntry entry = registry.resolve(aeId).orElseThrow();
        if (hold == null) {
            return new DownlinkHold.Released<>(0, List.of(), Duration.ZERO);
        }
        synchronized (hold) {
            DownlinkHold.Released<Request> released = redeliver(aeId, hold, entry);
            if (hold.size() > 0) {
                LOG.warn("{} held downlinks for AE {} wait for {} to be reachable; the next downlink retries them",
                        hold.size(), aeId, entry.servingCseId());
            }
            frozen.remove(aeId);
            return released;
        }
    }

    /**
     * Sends the held requests in order to the CSE serving the AE. One that finds the CSE unreachable (crashed,
     * restarting) stays held with those after it, and the next request for the AE tries them again first: a downlink
     * accepted for later delivery is never dropped because the CSE was down at the switch. Called holding
     * {@code hold}'s lock.
     */
    private DownlinkHold.Released<Request> redeliver(String aeId, DownlinkHold<Request> hold, ServingEntry entry) {
        CseClient target = cses.apply(entry.servingCseId());
        int[] delivered = new int[1];
        try {
            DownlinkHold.Released<Request> released = hold.release(request -> {
                Response r = target.send(request);
                if (r.statusCode() == ResponseStatusCode.TARGET_NOT_REACHABLE) {
                    throw new Unreachable(r);
                }
                delivered[0]++;
                if (!r.isSuccess()) {
                    LOG.warn("held downlink {} for AE {} was not delivered to {} after the switch: {} {}",
                            request.requestId(), aeId, entry.servingCseId(), r.statusCode(), r.debugMessage());
                }
            });
            return released;
        } catch (Unreachable e) {
            LOG.debug("{} held downlinks for AE {} wait for {}, not reachable: {}", hold.size(), aeId,
                    entry.servingCseId(), e.response.debugMessage());
            return new DownlinkHold.Released<>(delivered[0], List.of(), Duration.ZERO); // figures of a retry: n/a
        }
    }

    private static void warnExpired(String aeId, List<Request> expired) {
        if (!expired.isEmpty()) {
            LOG.warn("{} held downlinks for AE {} waited longer than allowed and were dropped", expired.size(), aeId);
        }
    }

    /** The serving CSE could not be reached while held requests went out. */
    private static final class Unreachable extends RuntimeException {
        private final transient Response response;

        Unreachable(Response response) {
            super(null, null, false, false);
            this.response = response;
        }
    }
}
