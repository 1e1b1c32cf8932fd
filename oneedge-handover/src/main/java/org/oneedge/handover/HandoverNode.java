package org.oneedge.handover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.oneedge.cse.Cse;
import org.oneedge.handover.context.AeContext;
import org.oneedge.handover.context.ContextResource;
import org.oneedge.handover.context.ContextTransferExtension;
import org.oneedge.handover.continuity.AeAddress;
import org.oneedge.handover.continuity.UplinkSequence;
import org.oneedge.handover.continuity.UplinkWindow;
import org.oneedge.handover.continuity.UplinkWindows;
import org.oneedge.handover.registry.FencedCseClient;
import org.oneedge.handover.registry.FencingDecision;
import org.oneedge.handover.registry.FencingGuard;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.registry.ServingState;
import org.oneedge.handover.token.HandoverTokenVerifier;
import org.oneedge.handover.token.TokenVerification;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * An MN-CSE taking part in handovers: the request front devices talk to (fencing, then the originator's uplink
 * window, then the engine) and the engine-side operations the coordinator drives (token check, export, import,
 * release). Writes for an AE hold a per-AE read lock; export takes the write lock, so no write slips in between the
 * registry moving to {@code MIGRATING} and the snapshot of the context.
 *
 * <p>Fencing without a registry round trip per uplink: the node keeps a local view of the AEs it serves (AE-ID to
 * epoch), learned from the serving registry the first time it sees a write for the AE. A write for an AE in that view
 * at its epoch is admitted at once; the node drops the AE from the view itself, under the AE's write lock, the moment
 * it exports it (or imports or releases it), so from the snapshot on every write for it is refused as migrating (for
 * a bounded time without a registry read, then asking the registry) until the coordinator or the registry names this
 * node serving once more (a rollback). Only AEs outside the view (never seen, exported, or a writer carrying another
 * epoch) cost a registry read; an originator the registry does not know and that is not registered here (an
 * application sending downlinks) is remembered as such for a second. Writes that reach the source while the registry
 * is already {@code MIGRATING} but before the export are applied and travel with the snapshot. Right after its commit
 * the coordinator tells target and source the new entry ({@link #servingChanged}): the target admits the device's
 * first write without a registry read, and the source refuses late writes naming the target (a refusal always
 * carries the entry it was decided on, so the device retargets without a registry read of its own).
 *
 * <p>Long-poll while the AE migrates (like the downlink hold): a write refused because the AE was exported here and
 * the switch is not yet heard of is not answered at once; it waits, without any lock, up to the fenced hold (default
 * {@link #DEFAULT_FENCED_HOLD}) for the coordinator's word. The moment it comes the write is decided again: refused
 * naming the new serving CSE (the device resends there at once instead of polling the source until the switch), or
 * applied here after a rollback. A hold that times out answers the migrating refusal as before.
 *
 * <pre>
 *  device ──► HandoverNode.send ──► FencingGuard ──► UplinkWindows ──► Cse
 *                 └─ migrating here: held until servingChanged / release / import (or the hold ends)
 *  coordinator ──► admit(token) / export / importContext / release ──► ContextTransferExtension ──► store
 * </pre>
 */
public final class HandoverNode implements CseClient, HandoverParticipant {

    private final String cseId;
    private final Cse cse;
    private final ContextTransferExtension transfer;
    private final FencingGuard guard;
    private final UplinkWindows windows;
    private final Supplier<HandoverTokenVerifier> verifier;
    private final ServingRegistry registry;
    private final ConcurrentMap<String, Gate> gates = new ConcurrentHashMap<>();
    /** AE-ID to the epoch this node serves it at, per the registry when last asked; see the class comment. */
    private final ConcurrentMap<String, Long> served = new ConcurrentHashMap<>();
    /** Originators without a registry entry (not under handover control), to when that answer is trusted. */
    private final ConcurrentMap<String, Long> uncontrolled = new ConcurrentHashMap<>();
    /** AE resource names to AE-IDs, learned from write targets and imports; see {@link #treeOwner}. */
    private final ConcurrentMap<String, String> aeIdsByName = new ConcurrentHashMap<>();
    /** AEs exported from here and not served here since: others' writes into their trees are fenced too. */
    private final Set<String> movedAway = ConcurrentHashMap.newKeySet();
    /** AE-ID to the highest epoch a coordinator's hint named, so a hint overtaken by a later one is ignored. */
    private final ConcurrentMap<String, Long> toldEpochs = new ConcurrentHashMap<>();
    /** AE-ID to the entry the coordinator committed, for AEs it moved away from this node. */
    private final ConcurrentMap<String, Told> refused = new ConcurrentHashMap<>();
    /** AE-ID to the signal that wakes writes held while the AE migrates away from here; see the class comment. */
    private final ConcurrentMap<String, CompletableFuture<Void>> switchHeard = new ConcurrentHashMap<>();
    private final long fencedHoldNanos;

    /**
     * A node that holds writes of a migrating AE for {@link #DEFAULT_FENCED_HOLD}.
     *
     * @param cse      the engine, built with {@code transfer} as an extension and started
     * @param verifier checks handover tokens with the coordinator's public key
     */
    public HandoverNode(Cse cse, ContextTransferExtension transfer, ServingRegistry registry,
                        HandoverTokenVerifier verifier, int uplinkWindowSize) {
        this(cse, transfer, registry, verifier, uplinkWindowSize, DEFAULT_FENCED_HOLD);
    }

    /**
     * @param cse         the engine, built with {@code transfer} as an extension and started
     * @param verifier    checks handover tokens with the coordinator's public key
     * @param fencedHold  longest time a write of an AE migrating away from here waits for the switch before it is
     *                    refused as migrating; zero refuses at once (the device then retries on its own)
     */
    public HandoverNode(Cse cse, ContextTransferExtension transfer, ServingRegistry registry,
                        HandoverTokenVerifier verifier, int uplinkWindowSize, Duration fencedHold) {
        if (fencedHold.isNegative()) {
            throw new IllegalArgumentException("fencedHold must not be negative: " + fencedHold);
        }
        this.fencedHoldNanos = fencedHold.toNanos();
        this.cseId = cse.config().cseId();
        this.cse = cse;
        this.transfer = transfer;
        this.registry = registry;
        this.guard = new FencingGuard(cseId, registry);
        this.windows = new UplinkWindows(uplinkWindowSize);
        this.verifier = () -> verifier;
    }

    @Override
    public String cseId() {
        return cseId;
    }

    public Cse cse() {
        return cse;
    }

    @Override
    public Response send(Request request) {
        Operation op = request.operation();
        boolean write = op == Operation.CREATE || op == Operation.UPDATE || op == Operation.DELETE;
        if (request.from() == null || !write) {
            return cse.send(request);
        }
        String owner = treeOwner(request.to());
        String fenced = owner != null ? owner : request.from();
        long holdEnd = System.nanoTime() + fencedHoldNanos;
        RegistryAnswer answer = null;
        while (true) {
            CompletableFuture<Void> wake;
            String ask;
            long changesSeen;
            Gate gate = gate(fenced);
            gate.lock.readLock().lock();
            try {
                RegistryAnswer fresh = answer != null && answer.changes() == gate.changes.get() ? answer : null;
                Step step = owner == null || owner.equals(request.from())
                        ? fencing(request.from(), FencedCseClient.carriedEpoch(request), fresh)
                        : othersWrite(owner, request, fresh);
                ask = step.askRegistry();
                changesSeen = gate.changes.get();
                if (ask == null) {
                    if (step.decision() instanceof FencingDecision.Allowed) {
                        return apply(request);
                    }
                    FencingDecision.Fenced refusal = (FencingDecision.Fenced) step.decision();
                    if (!migratingFromHere(refusal) || System.nanoTime() - holdEnd >= 0) {
                        return reply(request, FencingGuard.refusal(refusal));
                    }
                    // registered under the read lock: a servingChanged (write lock) comes after it and completes it
                    wake = switchHeard.computeIfAbsent(refusal.entry().aeId(), id -> new CompletableFuture<>());
                } else {
                    wake = null;
                }
            } finally {
                gate.lock.readLock().unlock();
            }
            if (ask != null) {
                // without the AE's lock: an export or a switch does not wait for a remote read; if one happened
                // meanwhile (the gate's change count moved), the answer is not used and the write decided afresh
                answer = new RegistryAnswer(ask, registry.resolve(ask), changesSeen);
            } else if (!awaitSwitch(wake, holdEnd)) {
                holdEnd = System.nanoTime(); // interrupted: decided once more, then answered
            }
        }
    }

    /**
     * The AE-ID of the AE whose resource tree a structured address points into ({@code -/ae1/data},
     * {@code cse-mn1/ae1/data}, {@code /id-mn1/cse-mn1/ae1}), or null (another resource, an unstructured address).
     * Names are remembered after the AE moves away, so a late write is refused naming its new CSE, not answered 4004.
     */
    private String treeOwner(String to) {
        String name = AeAddress.aeName(to, cseId, cse.config().cseBaseName());
        if (name == null) {
            return null;
        }
        String owner = aeIdsByName.get(name);
        if (owner == null) {
            owner = transfer.aeIdNamed(name).orElse(null);
            if (owner != null) {
                aeIdsByName.put(name, owner);
            }
        }
        return owner;
    }

    private void rememberName(AeContext context) {
        for (ContextResource r : context.resources()) {
            if (r.type() == ResourceType.AE) {
                aeIdsByName.put(r.rn(), context.aeId());
            }
        }
    }

    /**
     * Another originator (an application's downlink) writes into the AE's tree: admitted at once while the AE is
     * served here; once it was exported or moved away from here, fenced like the AE's own writes (held for the
     * switch, then refused naming the new serving CSE), so nothing lands at the source after the snapshot; otherwise
     * (an AE not under handover control here) the originator is fenced as before.
     */
    private Step othersWrite(String owner, Request request, RegistryAnswer answer) {
        if (served.containsKey(owner)) {
            return Step.decided(new FencingDecision.Allowed());
        }
        if (movedAway.contains(owner)) {
            return fencing(owner, OptionalLong.empty(), answer);
        }
        return fencing(request.from(), FencedCseClient.carriedEpoch(request), answer);
    }

    /** The write passed fencing: the originator's uplink window, then the engine. Called under the AE's read lock. */
    private Response apply(Request request) {
        OptionalLong seq = UplinkSequence.of(request.requestId());
        if (seq.isPresent() && transfer.hosts(request.from())) {
            UplinkWindow.Verdict verdict = windows.offer(request.from(), seq.getAsLong());
            if (verdict == UplinkWindow.Verdict.DUPLICATE) {
                return reply(request, Response.error(ResponseStatusCode.OK,
                        "request " + seq.getAsLong() + " of " + request.from() + " was already applied"));
            }
            if (verdict == UplinkWindow.Verdict.TOO_OLD) {
                return reply(request, Response.error(ResponseStatusCode.CONFLICT,
                        "request " + seq.getAsLong() + " of " + request.from() + " is older than the window"));
            }
        }
        Response response = cse.send(request);
        if (seq.isPresent() && !response.isSuccess()) {
            windows.forget(request.from(), seq.getAsLong()); // not applied: a resend must be applied
        }
        return response;
    }

    /** A refusal only because the AE migrates away from this node and the switch is not heard of yet. */
    private boolean migratingFromHere(FencingDecision.Fenced fenced) {
        ServingEntry e = fenced.entry();
        return e != null && e.state() == ServingState.MIGRATING && e.servingCseId().equals(cseId);
    }

    /**
     * Waits for the coordinator's (or the registry's) word on a migrating AE, until the hold ends but no longer than
     * the local refusal is trusted, so a switch nobody passes on is read from the registry on the next decision.
     *
     * @return false when the waiting thread was interrupted
     */
    private static boolean awaitSwitch(CompletableFuture<Void> wake, long holdEnd) {
        long wait = Math.min(holdEnd - System.nanoTime(), REREAD_AFTER_EXPORT_NANOS);
        if (wait <= 0) {
            return true;
        }
        try {
            wake.get(wait, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // decided again with whatever is known now
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    /** Wakes the writes held for the AE (called under the AE's write lock, or after a registry read). */
    private void switchHeard(String aeId) {
        CompletableFuture<Void> wake = switchHeard.remove(aeId);
        if (wake != null) {
            wake.complete(null);
        }
    }

    /**
     * The local view decides for an AE served here at the epoch the writer carries (or none); anything else asks the
     * registry (the caller reads it without the AE's lock and calls again with the answer), and a registry answer
     * that this node serves the AE enters the view. Called under the AE's read lock.
     */
    private Step fencing(String aeId, OptionalLong carried, RegistryAnswer answer) {
        Long epoch = served.get(aeId);
        if (epoch != null && (carried.isEmpty() || carried.getAsLong() == epoch)) {
            return Step.decided(new FencingDecision.Allowed());
        }
        Long free = uncontrolled.get(aeId);
        if (free != null && System.nanoTime() - free < 0 && !transfer.hosts(aeId)) {
            // e.g. an application's downlink: no registry entry, no fencing
            return Step.decided(new FencingDecision.Allowed());
        }
        Told told = refused.get(aeId);
        if (epoch == null && told != null && System.nanoTime() - told.until() < 0) {
            FencingDecision again = guard.decide(aeId, Optional.of(told.entry()), carried);
            if (again instanceof FencingDecision.Fenced) {
                return Step.decided(again); // refusing on a known entry is always safe; the device learns where to go
            }
        }
        if (answer == null || !answer.aeId().equals(aeId)) {
            return Step.ask(aeId);
        }
        Optional<ServingEntry> entry = answer.entry();
        FencingDecision decision = guard.decide(aeId, entry, carried);
        if (entry.isPresent() && entry.get().state() == ServingState.SERVING
                && entry.get().servingCseId().equals(cseId)) {
            served.put(aeId, entry.get().epoch());
            refused.remove(aeId);
            movedAway.remove(aeId);
            switchHeard(aeId);
        } else if (entry.isEmpty()) {
            uncontrolled.put(aeId, System.nanoTime() + UNCONTROLLED_TRUSTED_NANOS);
        } else {
            served.remove(aeId);
            if (entry.get().state() == ServingState.MIGRATING
                    && entry.get().servingCseId().equals(cseId)) { // exported here, switch not yet heard of
                refused.put(aeId, new Told(entry.get(), System.nanoTime() + REREAD_AFTER_EXPORT_NANOS));
            } else {
                switchHeard(aeId); // the registry named the outcome: writes held here decide again
            }
        }
        return Step.decided(decision);
    }

    /**
     * The coordinator's word on the committed entry: served here enters the view at the new epoch, served elsewhere
     * (or migrating, or released) leaves it and refusals name the entry until the coordinator or the registry says
     * otherwise.
     */
    @Override
    public void servingChanged(String aeId, ServingEntry now) {
        ReadWriteLock lock = lockForChange(aeId);
        try {
            Long newest = toldEpochs.merge(aeId, now.epoch(), Math::max);
            if (now.epoch() < newest) {
                return; // a hint that arrived after a later handover's: what it says is over
            }
            uncontrolled.remove(aeId);
            if (now.state() == ServingState.SERVING && now.servingCseId().equals(cseId)) {
                refused.remove(aeId);
                movedAway.remove(aeId);
                served.put(aeId, now.epoch());
            } else {
                served.remove(aeId);
                refused.put(aeId, new Told(now, System.nanoTime() + TOLD_TRUSTED_NANOS));
            }
            switchHeard(aeId);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Target side: accepts the coordinator's token for the AE at the registry's current epoch. */
    @Override
    public TokenVerification admit(String token, String aeId, long currentEpoch) {
        return verifier.get().verify(token, aeId, currentEpoch);
    }

    /** Source side: the AE's context with its uplink window, after in-flight writes for it have finished. */
    @Override
    public Optional<AeContext> export(String aeId, int maxInstances) {
        ReadWriteLock lock = lockForChange(aeId);
        try {
            Long epoch = served.remove(aeId); // fenced here from the snapshot on
            movedAway.add(aeId);
            refused.remove(aeId);
            uncontrolled.remove(aeId);
            String window = windows.export(aeId).orElse(null);
            Optional<AeContext> context = transfer.export(aeId, maxInstances, window);
            context.ifPresent(this::rememberName); // a late write by name is fenced even after the release
            if (context.isEmpty() && window != null) {
                windows.importWindow(aeId, window);
            }
            if (context.isPresent() && epoch != null) { // refused here without a registry read until the switch
                refused.put(aeId, new Told(new ServingEntry(aeId, cseId, epoch, ServingState.MIGRATING, EXPORTED),
                        System.nanoTime() + REREAD_AFTER_EXPORT_NANOS));
            }
            return context;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Target side: installs the context and its uplink window; returns resources created. */
    @Override
    public int importContext(AeContext context) {
        gate(context.aeId()).changes.incrementAndGet(); // a registry answer read before is not used after this
        rememberName(context);
        served.remove(context.aeId()); // served here only once the registry or the coordinator says so
        refused.remove(context.aeId());
        movedAway.remove(context.aeId());
        uncontrolled.remove(context.aeId());
        switchHeard(context.aeId());
        int created = transfer.importContext(context);
        if (context.uplinkWindow() != null) {
            windows.importWindow(context.aeId(), context.uplinkWindow());
        }
        return created;
    }

    /** Removes the AE here (idempotent); the source after the switch, a target on rollback. */
    @Override
    public boolean release(String aeId) {
        ReadWriteLock lock = lockForChange(aeId);
        try {
            served.remove(aeId);
            uncontrolled.remove(aeId);
            switchHeard(aeId);
        } finally {
            lock.writeLock().unlock();
        }
        windows.export(aeId);
        return transfer.release(aeId);
    }

    /**
     * After a restart: releases the AEs stored here that the serving registry shows served by another CSE, the
     * leftovers of a handover this node crashed in (a target whose import outlived the rollback, a source killed
     * before the coordinator's release). AEs the registry shows migrating are left to the handover's coordinator; AEs
     * without an entry are not under handover control.
     *
     * @return the AE-IDs released
     */
    public List<String> reconcile() {
        List<String> released = new ArrayList<>();
        for (String aeId : transfer.hostedAeIds()) {
            Optional<ServingEntry> entry = registry.resolve(aeId);
            if (entry.isPresent() && entry.get().state() == ServingState.SERVING
                    && !entry.get().servingCseId().equals(cseId) && release(aeId)) {
                released.add(aeId);
            }
        }
        return released;
    }

    @Override
    public boolean hosts(String aeId) {
        return transfer.hosts(aeId);
    }

    /** Source side after a rollback: the window exported with the context comes back. */
    @Override
    public void restoreWindow(AeContext context) {
        if (context.uplinkWindow() != null) {
            windows.importWindow(context.aeId(), context.uplinkWindow());
        }
    }

    /**
     * How long "no registry entry" is trusted for an originator (an application sending downlinks, an AE not under
     * handover control): an AE entered in the registry meanwhile is fenced here at most this much later.
     */
    private static final long UNCONTROLLED_TRUSTED_NANOS = 1_000_000_000L;

    /** Default longest time a write of an AE migrating away from a node is held for the switch (a long-poll). */
    public static final Duration DEFAULT_FENCED_HOLD = Duration.ofMillis(100);

    /** How long a switch away the coordinator told of is trusted without the registry: the device's retry window. */
    private static final long TOLD_TRUSTED_NANOS = 1_000_000_000L;

    /**
     * How long an AE exported here is refused as migrating without asking the registry. Its device retries every
     * few milliseconds while it waits; the coordinator's word on the commit or rollback ends the wait at once, and a
     * rollback it could not pass on (its crash) is seen from the registry at most this much later.
     */
    private static final long REREAD_AFTER_EXPORT_NANOS = 50_000_000L;

    /** Transaction named in the refusals of an AE this node exported before it heard from the registry again. */
    private static final String EXPORTED = "exported";

    /** The entry the coordinator committed, trusted until {@code until} ({@link System#nanoTime()}). */
    private record Told(ServingEntry entry, long until) {
    }

    private Gate gate(String aeId) {
        return gates.computeIfAbsent(aeId, id -> new Gate());
    }

    /** Takes the AE's write lock for a change of what this node knows of it; counted, see {@link Gate}. */
    private ReadWriteLock lockForChange(String aeId) {
        Gate gate = gate(aeId);
        gate.lock.writeLock().lock();
        gate.changes.incrementAndGet();
        return gate.lock;
    }

    /**
     * One AE's lock (writes for it hold the read lock; export, switch and release the write lock) and the count of
     * changes made under the write lock, by which a write that read the registry without the lock sees whether its
     * answer may be stale.
     */
    private static final class Gate {
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        final AtomicLong changes = new AtomicLong();
    }

    /** A registry answer read without the AE's lock, and the gate's change count before the read. */
    private record RegistryAnswer(String aeId, Optional<ServingEntry> entry, long changes) {
    }

    /** What deciding a write gave: a decision, or the AE whose registry entry must be read first. */
    private record Step(FencingDecision decision, String askRegistry) {
        static Step decided(FencingDecision decision) {
            return new Step(decision, null);
        }

        static Step ask(String aeId) {
            return new Step(null, aeId);
        }
    }

    private static Response reply(Request request, Response response) {
        return response.withRequestId(request.requestId()).withReleaseVersion(request.releaseVersion());
    }
}
