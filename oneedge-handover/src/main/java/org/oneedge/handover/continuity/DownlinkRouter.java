package org.oneedge.handover.continuity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
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
 *
 * <p>Each AE has a lane: a lock that orders its downlinks (one in flight at a time) and its hold. The release does
 * not wait for the held requests to be answered: they go out on a thread of their own, under the lane's lock, so a
 * downlink sent meanwhile queues behind them and the coordinator finishes the handover at once (under load the
 * serving CSE may take seconds to answer each of them).
 */
public final class DownlinkRouter {

    private static final Logger LOG = LoggerFactory.getLogger(DownlinkRouter.class);

    private final ServingRegistry registry;
    private final Function<String, CseClient> cses;
    private final Clock clock;
    private final int capacity;
    private final Duration maxHold;
    private final ConcurrentMap<String, Lane> lanes = new ConcurrentHashMap<>();
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
        Lane lane = lane(aeId);
        DownlinkHold<Request> hold = lane.hold;
        lane.lock.lock();
        try {
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
        } finally {
            lane.lock.unlock();
        }
    }

    /**
     * Holds every later downlink for the AE until {@link #release}: called by the coordinator before the registry
     * moves to {@code MIGRATING}, it returns once a request being sent to the source has been answered, so nothing
     * reaches the source after its context was exported.
     */
    public void freeze(String aeId) {
        Lane lane = lane(aeId);
        lane.lock.lock();
        try {
            frozen.add(aeId);
        } finally {
            lane.lock.unlock();
        }
    }

    private Lane lane(String aeId) {
        return lanes.computeIfAbsent(aeId, id -> new Lane(new ReentrantLock(),
                new DownlinkHold<>(capacity, maxHold, clock)));
    }

    /**
     * Ends a {@link #freeze}: the AE's held requests go out, in order, to the CSE that serves it now, on a thread of
     * their own (see the class comment); a downlink sent meanwhile waits behind them.
     *
     * @return how many requests were handed on for delivery, those that waited too long (to be answered with an
     *         error by the caller), and the longest time one was held
     */
    public DownlinkHold.Released<Request> release(String aeId) {
        Lane lane = lanes.get(aeId);
        if (lane == null) {
            frozen.remove(aeId);
            return new DownlinkHold.Released<>(0, List.of(), Duration.ZERO);
        }
        List<Request> expired = lane.hold.overdue(); // dropped by the delivery, which alone takes items out
        Duration longest = lane.hold.longestHeld();
        int handedOn = lane.hold.size() - expired.size();
        frozen.remove(aeId);
        if (lane.hold.size() > 0) {
            Thread.ofVirtual().name("downlink-release-" + aeId).start(() -> deliverHeld(aeId, lane));
        }
        return new DownlinkHold.Released<>(handedOn, expired, longest);
    }

    private void deliverHeld(String aeId, Lane lane) {
        lane.lock.lock();
        try {
            Optional<ServingEntry> entry = registry.resolve(aeId);
            if (frozen.contains(aeId) || entry.isEmpty() || entry.get().state() != ServingState.SERVING) {
                return; // frozen again, or not served: the next release or downlink delivers them
            }
            redeliver(aeId, lane.hold, entry.get()); // its overdue ones were reported by release
            if (lane.hold.size() > 0) {
                LOG.warn("{} held downlinks for AE {} wait for {} to be reachable; the next downlink retries them",
                        lane.hold.size(), aeId, entry.get().servingCseId());
            }
        } catch (RuntimeException e) {
            LOG.warn("held downlinks for AE {} not delivered: {}; the next downlink retries them", aeId,
                    e.toString());
        } finally {
            lane.lock.unlock();
        }
    }

    /**
     * Sends the held requests in order to the CSE serving the AE. One that finds the CSE unreachable (crashed,
     * restarting) stays held with those after it, and the next request for the AE tries them again first: a downlink
     * accepted for later delivery is never dropped because the CSE was down at the switch. Called holding
     * the lane's lock.
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

    /** One AE's downlinks: the lock that keeps them in order and what waits for its switch. */
    private record Lane(ReentrantLock lock, DownlinkHold<Request> hold) {
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
