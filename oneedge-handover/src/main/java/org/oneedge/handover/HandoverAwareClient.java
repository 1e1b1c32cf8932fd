package org.oneedge.handover;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.oneedge.handover.continuity.UplinkSequence;
import org.oneedge.handover.registry.FencedCseClient;
import org.oneedge.handover.registry.FencingGuard;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.registry.ServingState;
import org.oneedge.model.CseClient;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * The device side of a handover (HANDOVER.md "Uplink continuity"): numbers the AE's requests ({@code rqi}
 * {@code <aeId>#<n>}), carries its fencing epoch in {@code vsi}, and when its CSE fences it follows the serving
 * entry the refusal names (asking the serving registry only when the refusal names none): while {@code MIGRATING}
 * it buffers requests, once served elsewhere it switches and replays them, in order, to the new CSE, whose uplink
 * window applies each once. A source CSE may hold a write sent while the AE migrates until the switch and then refuse
 * it naming the target ({@link HandoverNode}), so the device resends it there at once. A CSE that cannot be reached
 * (5103) is treated the same way, so requests wait out a crashed CSE and its recovery. Not thread-safe: one device,
 * one sender.
 */
public final class HandoverAwareClient implements CseClient {

    /** What became of one request. */
    public record Outcome(long sequence, Response response) {
        /** True when the CSE applied the request (now or before, for a replayed duplicate). */
        public boolean acknowledged() {
            return response.isSuccess();
        }
    }

    private final String aeId;
    private final ServingRegistry registry;
    private final Function<String, CseClient> cses;
    private final Deque<Request> buffered = new ArrayDeque<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final Clock clock;
    private ServingEntry serving;
    private long sequence;
    private String lastAcceptedBy;
    private Instant lastAcceptedAt;
    private Duration lastInterruption;
    private long switches;

    /**
     * @param registry read access to the serving registry
     * @param cses     reaches a CSE by its CSE-ID
     */
    public HandoverAwareClient(String aeId, ServingRegistry registry, Function<String, CseClient> cses) {
        this(aeId, registry, cses, Clock.systemUTC());
    }

    public HandoverAwareClient(String aeId, ServingRegistry registry, Function<String, CseClient> cses,
                               Clock clock) {
        this.clock = clock;
        this.aeId = aeId;
        this.registry = registry;
        this.cses = cses;
        this.serving = registry.resolve(aeId).orElseThrow(
                () -> new IllegalStateException("AE " + aeId + " has no serving-registry entry"));
    }

    /**
     * Numbers and sends the request; when it must wait for a switch the answer is 1000 ACCEPTED and the final one
     * appears in {@link #outcomes()} after {@link #flush()}.
     */
    @Override
    public Response send(Request request) {
        Request numbered = request.toBuilder().from(aeId).requestId(UplinkSequence.requestId(aeId, ++sequence))
                .build();
        if (!buffered.isEmpty()) {
            buffered.addLast(numbered);
            flush();
            return buffered.contains(numbered) ? pending() : last();
        }
        return deliver(numbered) ? last() : pending();
    }

    /** Replays buffered requests in order if the AE is served again; returns how many are still buffered. */
    public int flush() {
        while (!buffered.isEmpty()) {
            Request next = buffered.peekFirst();
            buffered.pollFirst();
            if (!deliver(next)) {
                return buffered.size();
            }
        }
        return 0;
    }

    /**
     * Asks for a handover of this AE (HANDOVER.md trigger 4, device-initiated) to {@code target}, or to the best
     * candidate when it is null; afterwards follows the serving registry and replays anything buffered.
     *
     * @return the CSE-ID serving the AE now if it moved
     */
    public Optional<String> requestHandover(HandoverRequests requests, String target, String reason) {
        Optional<String> moved = requests.request(aeId, target, reason);
        registry.resolve(aeId).filter(e -> e.state() == ServingState.SERVING).ifPresent(e -> serving = e);
        flush();
        return moved;
    }

    /** Final answers, in sequence order of completion. */
    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Final answers since the last call, in order of completion, forgotten here (long-running devices). */
    public List<Outcome> drainOutcomes() {
        List<Outcome> drained = List.copyOf(outcomes);
        outcomes.clear();
        return drained;
    }

    /** Requests waiting for a switch to complete. */
    public int buffered() {
        return buffered.size();
    }

    /** How often the device has switched to another CSE (each one measured by {@link #lastUplinkInterruption()}). */
    public long switches() {
        return switches;
    }

    /**
     * The uplink interruption of the last switch as the device saw it (HANDOVER.md "Figures": last uplink accepted
     * at the source to the first accepted at the target), if the device has switched.
     */
    public Optional<Duration> lastUplinkInterruption() {
        return Optional.ofNullable(lastInterruption);
    }

    private void accepted(String cseId) {
        Instant now = clock.instant();
        if (lastAcceptedBy != null && !lastAcceptedBy.equals(cseId)) {
            lastInterruption = Duration.between(lastAcceptedAt, now);
            switches++;
        }
        lastAcceptedBy = cseId;
        lastAcceptedAt = now;
    }

    public String servingCseId() {
        return serving.servingCseId();
    }

    /** Sends to the serving CSE, following a switch; false when the request went (back) into the buffer. */
    private boolean deliver(Request request) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Request withEpoch = request.toBuilder()
                    .vendorInformation(FencedCseClient.EPOCH_PREFIX + serving.epoch()).build();
            Response r = cses.apply(serving.servingCseId()).send(withEpoch);
            if (!fenced(r) && !unreachable(r)) {
                if (r.isSuccess()) {
                    accepted(serving.servingCseId());
                }
                outcomes.add(new Outcome(UplinkSequence.of(request.requestId()).orElse(0), r));
                return true;
            }
            Optional<ServingEntry> now = fenced(r) ? named(r) : Optional.empty();
            if (now.isEmpty()) {
                try {
                    now = registry.resolve(aeId);
                } catch (RuntimeException e) { // the registry cannot be asked now: wait, like during a switch
                    buffered.addFirst(request);
                    return false;
                }
            }
            if (now.isEmpty() || now.get().state() != ServingState.SERVING) {
                buffered.addFirst(request);
                return false;
            }
            serving = now.get();
        }
        buffered.addFirst(request);
        return false;
    }

    /**
     * The serving entry a fenced reply names when it is newer than the one the device holds (a CSE names what the
     * registry told it); otherwise the registry is asked. The CSE it names checks its own view again, so following it
     * cannot get a write accepted by a fenced CSE.
     */
    private Optional<ServingEntry> named(Response fenced) {
        return FencingGuard.named(aeId, fenced).filter(e -> e.epoch() >= serving.epoch()
                && !(e.state() == ServingState.SERVING && e.equals(serving)));
    }

    /**
     * The CSE could not be reached (it may have crashed or moved the AE away): the registry says where to go, and
     * until a CSE answers the request waits in the buffer like one sent during a switch.
     */
    private static boolean unreachable(Response r) {
        return r.statusCode() == ResponseStatusCode.TARGET_NOT_REACHABLE;
    }

    private static boolean fenced(Response r) {
        return r.statusCode() == ResponseStatusCode.OPERATION_DENIED_BY_REMOTE_ENTITY
                || (r.statusCode() == ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE
                && r.debugMessage() != null && r.debugMessage().contains("epoch"));
    }

    private Response last() {
        return outcomes.getLast().response();
    }

    private static Response pending() {
        return Response.error(ResponseStatusCode.ACCEPTED, "buffered until the handover completes");
    }
}
