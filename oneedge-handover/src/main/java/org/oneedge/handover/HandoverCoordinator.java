package org.oneedge.handover;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.oneedge.handover.context.AeContext;
import org.oneedge.handover.continuity.DownlinkHold;
import org.oneedge.handover.continuity.DownlinkRouter;
import org.oneedge.handover.registry.CasResult;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.registry.ServingState;
import org.oneedge.handover.token.HandoverTokenIssuer;
import org.oneedge.handover.token.TokenVerification;
import org.oneedge.handover.transaction.HandoverFigures;
import org.oneedge.handover.transaction.HandoverTransaction;
import org.oneedge.handover.transaction.ReasonCode;
import org.oneedge.handover.transaction.TransactionState;
import org.oneedge.handover.transaction.TransactionStore;
import org.oneedge.model.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one AE's handover from its serving MN-CSE to a target (HANDOVER.md), recording each step on the
 * transaction resource. The serving-registry switch (CAS to epoch+1 at the target) is the commit point: before it a
 * failure rolls everything back, after it the handover is completed.
 *
 * <pre>
 *  REQUESTED ─► PREPARING: registry SERVING e ─CAS─► MIGRATING e (tx); token issued, target admits it
 *            ─► TRANSFERRING: source.export (writes fenced) ─► target.importContext
 *               registry MIGRATING e ─CAS─► SERVING e+1 at target            (commit)
 *            ─► SWITCHING: source.release (AE tree deleted at the source)
 *            ─► COMPLETED
 * </pre>
 */
public final class HandoverCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(HandoverCoordinator.class);

    /** Default newest content instances moved per container. */
    public static final int DEFAULT_MAX_INSTANCES = 10;

    private final ServingRegistry registry;
    private final TransactionStore transactions;
    private final HandoverTokenIssuer issuer;
    private final Function<String, ? extends Optional<? extends HandoverParticipant>> nodes;
    private final Clock clock;
    private final int maxInstances;
    private volatile DownlinkRouter downlinks;
    private volatile Runnable afterSnapshot = () -> { };

    /**
     * @param nodes the participating MN-CSEs by CSE-ID
     */
    public HandoverCoordinator(ServingRegistry registry, TransactionStore transactions, HandoverTokenIssuer issuer,
                               Function<String, ? extends Optional<? extends HandoverParticipant>> nodes,
                               Clock clock, int maxInstances) {
        this.registry = registry;
        this.transactions = transactions;
        this.issuer = issuer;
        this.nodes = nodes;
        this.clock = clock;
        this.maxInstances = maxInstances;
    }

    /** Holds downlink requests while an AE migrates and releases them after the switch or the rollback. */
    public HandoverCoordinator downlinks(DownlinkRouter router) {
        this.downlinks = router;
        return this;
    }

    /**
     * Called after the context was exported and imported and before the registry switch, the moment where a write
     * reaching the source would be lost without fencing: a hook for tests of interleavings.
     */
    public HandoverCoordinator afterSnapshot(Runnable hook) {
        this.afterSnapshot = hook;
        return this;
    }

    /**
     * Moves the AE to the target; idempotent by {@code txid} (a txid seen before returns that transaction, driving
     * it to an end state first if it is unfinished).
     */
    public HandoverTransaction handover(String txid, String aeId, String targetCseId) {
        Optional<HandoverTransaction> known = transactions.find(txid);
        if (known.isPresent()) {
            return known.get().state().terminal() ? known.get() : resume(known.get());
        }
        Optional<ServingEntry> entry = registry.resolve(aeId);
        if (entry.isEmpty() || entry.get().state() != ServingState.SERVING) {
            throw new IllegalStateException("AE " + aeId + " is not SERVING anywhere: " + entry);
        }
        ServingEntry serving = entry.get();
        HandoverTransaction tx = transactions.createIfAbsent(HandoverTransaction.requested(txid, aeId,
                serving.servingCseId(), targetCseId, serving.epoch()));
        if (tx.state() != TransactionState.REQUESTED) {
            return tx.state().terminal() ? tx : resume(tx);
        }
        Instant started = clock.instant();
        HandoverParticipant source = node(tx.sourceCseId());
        Optional<? extends HandoverParticipant> target = nodes.apply(targetCseId);
        tx = save(tx.to(TransactionState.PREPARING).withFigures(
                HandoverFigures.NONE.withTargetsTried(List.of(targetCseId))));
        if (target.isEmpty() || targetCseId.equals(serving.servingCseId())) {
            return save(tx.rolledBack(ReasonCode.TARGET_REFUSED));
        }
        DownlinkRouter router = downlinks;
        if (router != null) {
            router.freeze(aeId); // a downlink in flight to the source lands before the snapshot, later ones wait
        }
        CasResult locked = registry.compareAndSet(aeId, serving.epoch(), serving.migrating(txid));
        if (!locked.committed()) {
            LOG.warn("handover {} of {}: registry conflict {}", txid, aeId, locked);
            return save(releaseDownlinks(tx).rolledBack(ReasonCode.REGISTRY_CONFLICT));
        }
        String token = issuer.issue(aeId, serving.servingCseId(), targetCseId, serving.epoch(), txid);
        if (!admitted(target.get(), token, txid, aeId, serving.epoch())) {
            return rollBack(tx, serving, ReasonCode.TARGET_REFUSED);
        }
        Instant transferStart = clock.instant();
        tx = save(tx.to(TransactionState.TRANSFERRING)
                .withFigures(tx.figures().withPreparation(Duration.between(started, transferStart))));
        AeContext context = null;
        int created;
        try {
            context = source.export(aeId, maxInstances).orElseThrow(
                    () -> new IllegalStateException("AE " + aeId + " is not registered at " + source.cseId()));
            created = target.get().importContext(context);
        } catch (RuntimeException e) {
            LOG.warn("handover {} of {}: transfer to {} failed: {}", txid, aeId, targetCseId, e.toString());
            undoTransfer(target.get(), source, aeId, context);
            return rollBack(tx, serving, ReasonCode.TRANSFER_FAILED);
        }
        afterSnapshot.run();
        // recorded with the next state change, after the commit: one write less while the AE's writes are fenced
        tx = tx.withFigures(tx.figures().withTransfer(Duration.between(transferStart, clock.instant()),
                context.sizeBytes(), created));
        CasResult switched = registry.compareAndSet(aeId, serving.epoch(),
                serving.migrating(txid).switchedTo(targetCseId));
        if (!switched.committed()) {
            undoTransfer(target.get(), source, aeId, context);
            return save(tx.rolledBack(ReasonCode.REGISTRY_CONFLICT));
        }
        ServingEntry now = serving.migrating(txid).switchedTo(targetCseId);
        tellBoth(target.get(), source, aeId, now);
        return finish(save(tx.to(TransactionState.SWITCHING)));
    }

    /** Drives every unfinished transaction to an end state, e.g. after the coordinator restarted. */
    public List<HandoverTransaction> resume() {
        return resume(tx -> true);
    }

    /**
     * Drives the unfinished transactions {@code which} selects to an end state; the others are left to whoever owns
     * them (a bundle resumes its AEs together: {@code resume(tx -> !BundleHandover.isBundleTransaction(tx.txid()))}).
     */
    public List<HandoverTransaction> resume(java.util.function.Predicate<HandoverTransaction> which) {
        List<HandoverTransaction> ended = new ArrayList<>();
        for (HandoverTransaction tx : transactions.unfinished()) {
            if (which.test(tx)) {
                ended.add(resume(tx));
            }
        }
        return ended;
    }

    private HandoverTransaction resume(HandoverTransaction tx) {
        Optional<ServingEntry> entry = registry.resolve(tx.aeId());
        boolean committed = entry.isPresent() && entry.get().servingCseId().equals(tx.targetCseId())
                && entry.get().epoch() == tx.epoch() + 1 && tx.txid().equals(entry.get().txid());
        if (committed) {
            HandoverTransaction switching = tx.state() == TransactionState.SWITCHING ? tx
                    : save(advanceTo(tx, TransactionState.SWITCHING));
            return finish(switching);
        }
        nodes.apply(tx.targetCseId()).ifPresent(t -> releaseQuietly(t, tx.aeId()));
        if (entry.isPresent() && entry.get().state() == ServingState.MIGRATING
                && tx.txid().equals(entry.get().txid())
                && registry.compareAndSet(tx.aeId(), entry.get().epoch(), entry.get().restored()).committed()) {
            nodes.apply(tx.sourceCseId()).ifPresent(s -> tell(s, tx.aeId(), entry.get().restored()));
        }
        LOG.info("handover {} of {} resumed in {}: rolled back", tx.txid(), tx.aeId(), tx.state());
        return save(releaseDownlinks(tx).rolledBack(ReasonCode.INTERRUPTED));
    }

    private HandoverTransaction finish(HandoverTransaction switching) {
        try {
            nodes.apply(switching.sourceCseId()).ifPresent(s -> s.release(switching.aeId()));
        } catch (RuntimeException e) {
            LOG.warn("handover {} of {}: source cleanup failed: {}", switching.txid(), switching.aeId(),
                    e.toString());
            // the target serves: downlinks held for the switch go there, or they would wait for good
            return save(releaseDownlinks(switching).failed(ReasonCode.SOURCE_CLEANUP_FAILED));
        }
        HandoverTransaction done = save(releaseDownlinks(switching).to(TransactionState.COMPLETED));
        LOG.info("handover {} of {} completed: {} -> {}, {} resources, {} bytes", done.txid(), done.aeId(),
                done.sourceCseId(), done.targetCseId(), done.figures().resourcesMoved(),
                done.figures().transferBytes());
        return done;
    }

    private HandoverTransaction rollBack(HandoverTransaction tx, ServingEntry serving, ReasonCode why) {
        ServingEntry restored = serving.migrating(tx.txid()).restored();
        if (registry.compareAndSet(tx.aeId(), serving.epoch(), restored).committed()) {
            nodes.apply(tx.sourceCseId()).ifPresent(s -> tell(s, tx.aeId(), restored));
        }
        return save(releaseDownlinks(tx).rolledBack(why));
    }

    /**
     * Passes the committed switch to the target, then to the source, on the coordinator's thread (a thread started
     * for it would queue behind every runnable one under load): the device's first write at the target then needs no
     * registry read, and the source answers the writes it holds, and later ones, naming the target. Neither is
     * needed for the rest of the transaction: a node that misses the hint asks the registry, and a late hint older
     * than what a node knows is ignored there.
     */
    private static void tellBoth(HandoverParticipant target, HandoverParticipant source, String aeId,
                                 ServingEntry now) {
        tell(target, aeId, now);
        tell(source, aeId, now);
    }

    /**
     * True when the target accepts the token; a target that refuses it or cannot be reached (crashed, restarting)
     * is not admitted, so the transaction rolls back instead of leaving the AE MIGRATING with nobody to end it.
     */
    private static boolean admitted(HandoverParticipant target, String token, String txid, String aeId,
                                    long epoch) {
        TokenVerification answer;
        try {
            answer = target.admit(token, aeId, epoch);
        } catch (RuntimeException e) {
            LOG.warn("handover {} of {}: target {} did not answer: {}", txid, aeId, target.cseId(), e.toString());
            return false;
        }
        if (answer instanceof TokenVerification.Refused refused) {
            LOG.warn("handover {} of {}: target {} refused the token: {}", txid, aeId, target.cseId(), refused);
            return false;
        }
        return true;
    }

    /**
     * Before the commit: removes what the target imported and gives the source its uplink window back, each step
     * on its own, as either node may be down (a crashed target drops a leftover import when it restarts:
     * {@link HandoverNode#reconcile()}).
     */
    private static void undoTransfer(HandoverParticipant target, HandoverParticipant source, String aeId,
                                     AeContext exported) {
        releaseQuietly(target, aeId);
        if (exported != null) {
            try {
                source.restoreWindow(exported);
            } catch (RuntimeException e) {
                LOG.warn("uplink window of {} not given back to {}: {}", aeId, source.cseId(), e.toString());
            }
        }
    }

    /** A release that must not stop a rollback or a resume when the node is down. */
    private static void releaseQuietly(HandoverParticipant node, String aeId) {
        try {
            node.release(aeId);
        } catch (RuntimeException e) {
            LOG.warn("{} not released at {}: {}", aeId, node.cseId(), e.toString());
        }
    }

    /** Passes the committed entry on as a hint; a node that misses it asks the registry, so failures only log. */
    private static void tell(HandoverParticipant node, String aeId, ServingEntry now) {
        try {
            node.servingChanged(aeId, now);
        } catch (RuntimeException e) {
            LOG.debug("serving change of {} not passed to {}: {}", aeId, node.cseId(), e.toString());
        }
    }

    /** Sends held downlink requests to the CSE serving the AE now and records the hold time and losses. */
    private HandoverTransaction releaseDownlinks(HandoverTransaction tx) {
        DownlinkRouter router = downlinks;
        if (router == null) {
            return tx;
        }
        DownlinkHold.Released<Request> released = router.release(tx.aeId());
        if (!released.expired().isEmpty()) {
            LOG.warn("handover {} of {}: {} downlink requests waited too long and were refused", tx.txid(),
                    tx.aeId(), released.expired().size());
        }
        HandoverFigures f = tx.figures();
        return tx.withFigures(f.withContinuity(f.uplinkInterruption(), released.longestHold(),
                released.expired().size(), f.duplicatesDelivered()));
    }

    private static HandoverTransaction advanceTo(HandoverTransaction tx, TransactionState goal) {
        HandoverTransaction t = tx;
        while (t.state() != goal) {
            t = t.to(TransactionState.values()[t.state().ordinal() + 1]);
        }
        return t;
    }

    private HandoverParticipant node(String cseId) {
        return nodes.apply(cseId).orElseThrow(() -> new IllegalStateException("no handover node " + cseId));
    }

    private HandoverTransaction save(HandoverTransaction tx) {
        transactions.update(tx);
        return tx;
    }
}
