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
import org.oneedge.handover.registry.FencingGuard;
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
    /** Times one request is decided again because the AE moved away from where it was sent. */
    private static final int MAX_REROUTES = 3;

    private final ServingRegistry registry;
    private final Function<String, CseClient> cses;
    private final Clock clock;
    private final int capacity;
    private final Duration maxHold;
    private final ConcurrentMap<String, Lane> lanes = new ConcurrentHashMap<>();
    private final Set<String> frozen = ConcurrentHashMap.newKeySet();
    private final HeldDownlinks kept;

    /** A router that holds downlinks in its memory only ({@link HeldDownlinks#IN_MEMORY}). */
    public DownlinkRouter(ServingRegistry registry, Function<String, CseClient> cses, Clock clock, int capacity,
                          Duration maxHold) {
        this(registry, cses, clock, capacity, maxHold, HeldDownlinks.IN_MEMORY);
    }

    /**
     * A router that keeps what it holds in {@code kept}; what an earlier router kept there is held again, in order,
     * and delivered once its AE is served (for an AE still migrating: when its handover is resumed and released).
     */
    public DownlinkRouter(ServingRegistry registry, Function<String, CseClient> cses, Clock clock, int capacity,
                          Duration maxHold, HeldDownlinks kept) {
        this.registry = registry;
        this.cses = cses;
        this.clock = clock;
        this.capacity = capacity;
        this.maxHold = maxHold;
        this.kept = kept;
        kept.all().forEach((aeId, requests) -> {
            Lane lane = lane(aeId);
            requests.forEach(k -> lane.hold.hold(new Held(k.request(), k.key())));
            LOG.info("{} downlinks held for AE {} before a restart are held again", requests.size(), aeId);
            Thread.ofVirtual().name("downlink-recovered-" + aeId).start(() -> deliverHeld(aeId, lane));
        });
    }

    /**
     * Delivers now, or holds (1000 ACCEPTED), or refuses when the hold is full (5103 with the reason). A request the
     * CSE it went to refuses because the AE has just moved away from there (a fenced reply naming the entry, see
     * {@code FencingGuard}) is decided again: held while the AE migrates, else sent where it is served now.
     */
    public Response send(String aeId, Request request) {
        Lane lane = lane(aeId);
        lane.lock.lock();
        boolean unfenced = !AeAddress.structured(request.to());
        if (unfenced) {
            lane.unfencedInFlight = true; // before reading frozen: see freeze
        }
        try {
            Response response = deliverOrHold(aeId, lane.hold, request);
            for (int tries = 0; tries < MAX_REROUTES && movedAway(aeId, response); tries++) {
                response = deliverOrHold(aeId, lane.hold, request);
            }
            return response;
        } finally {
            lane.unfencedInFlight = false;
            lane.lock.unlock();
        }
    }

    private Response deliverOrHold(String aeId, DownlinkHold<Held> hold, Request request) {
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
            String key;
            try {
                key = kept.keep(aeId, request); // before the 1000 ACCEPTED: it survives this process
            } catch (RuntimeException e) {
                return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, "AE " + aeId
                        + " is migrating and its downlink could not be held: " + e.getMessage())
                        .withRequestId(request.requestId());
            }
            if (hold.hold(new Held(request, key)) instanceof DownlinkHold.Held.Overflow overflow) {
                kept.remove(key); // rare: the hold is full only when its CSE stays away for long
                return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, "AE " + aeId
                        + " is migrating and " + overflow.capacity() + " requests are already held")
                        .withRequestId(request.requestId());
            }
            return Response.error(ResponseStatusCode.ACCEPTED, "held until AE " + aeId + " is switched")
                    .withRequestId(request.requestId());
        }
        return cses.apply(entry.get().servingCseId()).send(request);
    }

    /** A refusal naming where the AE is (or goes) now: it left the CSE the request was sent to. */
    private static boolean movedAway(String aeId, Response response) {
        return !response.isSuccess() && response.statusCode() != ResponseStatusCode.ACCEPTED
                && FencingGuard.named(aeId, response).isPresent();
    }

    /**
     * Holds every later downlink for the AE until {@link #release}: called by the coordinator before the registry
     * moves to {@code MIGRATING}. It does not wait for a request already on its way to the source: the source fences
     * writes into the tree of an AE it exported and names the new serving CSE, and {@link #send} sends it there (or
     * holds it). Only a request addressed by resource ID, which the source cannot tell belongs to the AE, is waited
     * for, so nothing reaches the source after its context was exported.
     */
    public void freeze(String aeId) {
        Lane lane = lane(aeId);
        frozen.add(aeId);
        if (lane.unfencedInFlight) {
            lane.lock.lock(); // the request in flight has been answered once this returns
            lane.lock.unlock();
        }
    }

    /** Downlinks accepted and not yet delivered, over all AEs (held for a switch or on their way after one). */
    public int held() {
        int held = 0;
        for (Lane lane : lanes.values()) {
            held += lane.hold.size();
        }
        return held;
    }

    private Lane lane(String aeId) {
        return lanes.computeIfAbsent(aeId, id -> new Lane(new DownlinkHold<>(capacity, maxHold, clock)));
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
        List<Request> expired = lane.hold.overdue().stream().map(Held::request).toList(); // the delivery drops them
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
     * accepted for later delivery is never dropped because the CSE was down at the switch. One that the CSE refuses
     * because the AE has moved on from there (a later handover) goes, with those after it, where the registry says
     * the AE is now, or stays held while it migrates. Called holding the lane's lock.
     */
    private DownlinkHold.Released<Request> redeliver(String aeId, DownlinkHold<Held> hold, ServingEntry first) {
        ServingEntry entry = first;
        int[] delivered = new int[1];
        for (int tries = 0; ; tries++) {
            CseClient target = cses.apply(entry.servingCseId());
            String to = entry.servingCseId();
            try {
                DownlinkHold.Released<Held> released = hold.release(held -> {
                    Request request = held.request();
                    Response r = target.send(request);
                    if (r.statusCode() == ResponseStatusCode.TARGET_NOT_REACHABLE || movedAway(aeId, r)) {
                        throw new Unreachable(r);
                    }
                    delivered[0]++;
                    kept.remove(held.key());
                    if (!r.isSuccess()) {
                        LOG.warn("held downlink {} for AE {} was not delivered to {} after the switch: {} {}",
                                request.requestId(), aeId, to, r.statusCode(), r.debugMessage());
                    }
                });
                released.expired().forEach(dropped -> kept.remove(dropped.key()));
                return new DownlinkHold.Released<>(delivered[0],
                        released.expired().stream().map(Held::request).toList(), released.longestHold());
            } catch (Unreachable e) {
                Optional<ServingEntry> now = movedAway(aeId, e.response) && tries < MAX_REROUTES
                        ? registry.resolve(aeId) : Optional.empty();
                if (now.isEmpty() || frozen.contains(aeId) || now.get().state() != ServingState.SERVING) {
                    LOG.debug("{} held downlinks for AE {} wait: {} answered {}", hold.size(), aeId, to,
                            e.response.debugMessage());
                    return new DownlinkHold.Released<>(delivered[0], List.of(), Duration.ZERO); // a retry's: n/a
                }
                entry = now.get();
            }
        }
    }

    private static void warnExpired(String aeId, List<Request> expired) {
        if (!expired.isEmpty()) {
            LOG.warn("{} held downlinks for AE {} waited longer than allowed and were dropped", expired.size(), aeId);
        }
    }

    /** A held request and the key it is kept under ({@link HeldDownlinks}). */
    private record Held(Request request, String key) {
    }

    /** One AE's downlinks: the lock that keeps them in order and what waits for its switch. */
    private static final class Lane {
        final ReentrantLock lock = new ReentrantLock();
        final DownlinkHold<Held> hold;
        /** A request addressed by resource ID is on its way (written under {@link #lock}, read by freeze). */
        volatile boolean unfencedInFlight;

        Lane(DownlinkHold<Held> hold) {
            this.hold = hold;
        }
    }

    /** The serving CSE could not be reached, or no longer serves the AE, while held requests went out. */
    private static final class Unreachable extends RuntimeException {
        private final transient Response response;

        Unreachable(Response response) {
            super(null, null, false, false);
            this.response = response;
        }
    }
}
