package org.oneedge.handover.bundle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.oneedge.handover.HandoverNode;
import org.oneedge.handover.context.AeContext;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves all AEs of one device between MN-CSEs in one step, all or nothing (HANDOVER.md "Bundles"): admission is
 * checked for the whole set, every context is transferred before any serving entry switches, and any failure before
 * the switch rolls every AE back, so the serving registry shows the source for all. Each AE keeps its own
 * transaction ({@code <bundleId>~<AE-ID>}), which a subscriber watches as for a single handover. After a crash,
 * {@link #resume()} ends unfinished bundles all or nothing (the coordinator resumes the other transactions).
 *
 * <pre>
 *  1 lock    every entry SERVING e ─CAS─► MIGRATING e (tx)              ┐ any failure:
 *  2 admit   a token per AE, the target admits each                     │ targets release what they imported,
 *  3 move    in priority order: source.export ─► target.importContext   │ entries back to SERVING e at the source
 *  4 switch  every entry MIGRATING e ─CAS─► SERVING e+1 at the target   ┘ (switched ones flipped back)
 *  5 release every AE at the source; transactions COMPLETED
 * </pre>
 * The sources keep every AE until all entries switched, which is what makes step 4 reversible: were a switch refused
 * half-way (a foreign registry writer), the switched entries are handed back to the source, which still holds them.
 */
public final class BundleHandover {

    private static final Logger LOG = LoggerFactory.getLogger(BundleHandover.class);

    /** What the bundle holds for one AE while it runs. */
    private static final class Leg {
        final BundleMember member;
        HandoverTransaction tx;
        ServingEntry serving;
        boolean locked;
        AeContext context;
        boolean imported;
        boolean switched;
        Instant transferStart;

        Leg(BundleMember member) {
            this.member = member;
        }

        String aeId() {
            return member.aeId();
        }
    }

    /** Why the bundle stopped: the AE and the reason. */
    private record Failure(Leg leg, ReasonCode reason, String detail) {
    }

    private final ServingRegistry registry;
    private final TransactionStore transactions;
    private final HandoverTokenIssuer issuer;
    private final Function<String, Optional<HandoverNode>> nodes;
    private final Clock clock;
    private final int maxInstances;
    private volatile DownlinkRouter downlinks;

    public BundleHandover(ServingRegistry registry, TransactionStore transactions, HandoverTokenIssuer issuer,
                          Function<String, Optional<HandoverNode>> nodes, Clock clock, int maxInstances) {
        this.registry = registry;
        this.transactions = transactions;
        this.issuer = issuer;
        this.nodes = nodes;
        this.clock = clock;
        this.maxInstances = maxInstances;
    }

    /** Releases held downlink requests of each AE once the bundle ended (as the coordinator does for one AE). */
    public BundleHandover downlinks(DownlinkRouter router) {
        this.downlinks = router;
        return this;
    }

    /** The members in re-registration order: priority (higher first), then AE-ID. */
    public static List<BundleMember> order(List<BundleMember> members) {
        return members.stream().sorted(Comparator.comparingInt(BundleMember::priority).reversed()
                .thenComparing(BundleMember::aeId)).toList();
    }

    /** Separates the bundle id from the AE-ID in the transaction id of a bundle member; reserved for bundles. */
    public static final String SEPARATOR = "~";

    /** The transaction id of one AE of a bundle: {@code <bundleId>~<AE-ID>}. */
    public static String txid(String bundleId, String aeId) {
        return bundleId + SEPARATOR + aeId;
    }

    /** True for the transaction of a bundle member, which {@link #resume()} rather than the coordinator resumes. */
    public static boolean isBundleTransaction(String txid) {
        return txid.contains(SEPARATOR);
    }

    /**
     * Drives every unfinished bundle to an end state after a crash, keeping all or nothing: when every unfinished
     * AE of a bundle is already switched the bundle completes (sources released), otherwise the switched ones are
     * handed back to their source (which still holds them) and every AE rolls back (INTERRUPTED).
     */
    public List<BundleOutcome> resume() {
        Map<String, List<HandoverTransaction>> bundles = new LinkedHashMap<>();
        for (HandoverTransaction tx : transactions.unfinished()) {
            if (isBundleTransaction(tx.txid())) {
                String bundleId = tx.txid().substring(0, tx.txid().lastIndexOf(SEPARATOR));
                bundles.computeIfAbsent(bundleId, k -> new ArrayList<>()).add(tx);
            }
        }
        List<BundleOutcome> outcomes = new ArrayList<>();
        bundles.forEach((bundleId, txs) -> outcomes.add(resume(bundleId, txs)));
        return outcomes;
    }

    private BundleOutcome resume(String bundleId, List<HandoverTransaction> txs) {
        boolean allSwitched = txs.stream().allMatch(this::switched);
        List<HandoverTransaction> ended = new ArrayList<>();
        for (HandoverTransaction tx : txs) {
            if (allSwitched) {
                HandoverTransaction t = tx;
                while (t.state() != TransactionState.SWITCHING) {
                    t = t.to(TransactionState.values()[t.state().ordinal() + 1]);
                }
                try {
                    nodes.apply(tx.sourceCseId()).ifPresent(s -> s.release(tx.aeId()));
                    t = t.to(TransactionState.COMPLETED);
                } catch (RuntimeException e) {
                    t = t.failed(ReasonCode.SOURCE_CLEANUP_FAILED);
                }
                release(tx.aeId());
                ended.add(save(t));
                continue;
            }
            Optional<ServingEntry> entry = registry.resolve(tx.aeId());
            if (switched(tx)) {
                ServingEntry atTarget = entry.orElseThrow();
                ServingEntry back = atTarget.migrating(tx.txid());
                if (registry.compareAndSet(tx.aeId(), atTarget.epoch(), back).committed()) {
                    registry.compareAndSet(tx.aeId(), back.epoch(), back.switchedTo(tx.sourceCseId()));
                }
            } else if (entry.isPresent() && entry.get().state() == ServingState.MIGRATING
                    && tx.txid().equals(entry.get().txid())) {
                registry.compareAndSet(tx.aeId(), entry.get().epoch(), entry.get().restored());
            }
            nodes.apply(tx.targetCseId()).ifPresent(t -> t.release(tx.aeId()));
            release(tx.aeId());
            ended.add(save(tx.rolledBack(ReasonCode.INTERRUPTED)));
        }
        LOG.info("bundle {} resumed: {}", bundleId, allSwitched ? "completed" : "rolled back");
        return new BundleOutcome(bundleId, allSwitched, txs.getFirst().targetCseId(),
                allSwitched ? txs.stream().map(HandoverTransaction::aeId).toList() : List.of(), ended, null,
                allSwitched ? null : ReasonCode.INTERRUPTED);
    }

    /** True when the registry shows the transaction's switch committed. */
    private boolean switched(HandoverTransaction tx) {
        return registry.resolve(tx.aeId()).filter(e -> e.servingCseId().equals(tx.targetCseId())
                && e.epoch() == tx.epoch() + 1 && tx.txid().equals(e.txid())).isPresent();
    }

    /**
     * Moves every member to {@code targetCseId}, all or nothing; idempotent by {@code bundleId} once it has ended
     * (the stored transactions are returned).
     *
     * @throws IllegalArgumentException for an empty bundle or an AE listed twice
     */
    public BundleOutcome handover(String bundleId, List<BundleMember> members, String targetCseId) {
        Set<String> seen = new HashSet<>();
        if (members.isEmpty() || !members.stream().allMatch(m -> seen.add(m.aeId()))) {
            throw new IllegalArgumentException("a bundle needs at least one AE, each once: " + members);
        }
        List<Leg> legs = order(members).stream().map(Leg::new).toList();
        Optional<BundleOutcome> ended = ended(bundleId, legs, targetCseId);
        if (ended.isPresent()) {
            return ended.get();
        }
        Instant started = clock.instant();
        Optional<Failure> failure = prepare(bundleId, legs, targetCseId);
        if (failure.isEmpty()) {
            failure = transfer(legs, targetCseId);
        }
        if (failure.isEmpty()) {
            failure = switchAll(legs, targetCseId);
        }
        if (failure.isPresent()) {
            return abort(bundleId, legs, targetCseId, failure.get());
        }
        return finish(bundleId, legs, targetCseId, started);
    }

    /** The outcome of a bundle that already ran to its end, read from its transactions. */
    private Optional<BundleOutcome> ended(String bundleId, List<Leg> legs, String targetCseId) {
        List<HandoverTransaction> stored = new ArrayList<>();
        for (Leg leg : legs) {
            Optional<HandoverTransaction> tx = transactions.find(txid(bundleId, leg.aeId()));
            if (tx.isEmpty() || !tx.get().state().terminal()) {
                return Optional.empty(); // new, still running, or rolled back before every AE had a transaction
            }
            stored.add(tx.get());
        }
        boolean completed = stored.stream().allMatch(t -> t.state() == TransactionState.COMPLETED);
        Optional<HandoverTransaction> failed = stored.stream()
                .filter(t -> t.reason() != null && t.reason() != ReasonCode.BUNDLE_ABORTED).findFirst();
        return Optional.of(new BundleOutcome(bundleId, completed, targetCseId,
                completed ? legs.stream().map(Leg::aeId).toList() : List.of(), stored,
                failed.map(HandoverTransaction::aeId).orElse(null), failed.map(HandoverTransaction::reason)
                .orElse(null)));
    }

    private Optional<Failure> prepare(String bundleId, List<Leg> legs, String targetCseId) {
        String source = null;
        for (Leg leg : legs) {
            Optional<ServingEntry> entry = registry.resolve(leg.aeId());
            ServingEntry known = entry.orElse(null);
            String from = known == null ? "?" : known.servingCseId();
            leg.tx = transactions.createIfAbsent(HandoverTransaction.requested(txid(bundleId, leg.aeId()),
                    leg.aeId(), from, targetCseId, known == null ? 0 : known.epoch()));
            if (leg.tx.state().terminal()) {
                return Optional.of(new Failure(leg, ReasonCode.REGISTRY_CONFLICT, "transaction " + leg.tx.txid()
                        + " already ended " + leg.tx.state()));
            }
            leg.tx = save(leg.tx.to(TransactionState.PREPARING)
                    .withFigures(HandoverFigures.NONE.withTargetsTried(List.of(targetCseId))));
            if (known == null || known.state() != ServingState.SERVING) {
                return Optional.of(new Failure(leg, ReasonCode.REGISTRY_CONFLICT, "AE is " + entry.map(e ->
                        e.state() + " at " + e.servingCseId()).orElse("not registered")));
            }
            if (source == null) {
                source = known.servingCseId();
            }
            if (!source.equals(known.servingCseId())) {
                return Optional.of(new Failure(leg, ReasonCode.TARGET_REFUSED, "served by " + known.servingCseId()
                        + ", the bundle by " + source));
            }
            if (targetCseId.equals(source) || nodes.apply(targetCseId).isEmpty()
                    || nodes.apply(source).isEmpty()) {
                return Optional.of(new Failure(leg, ReasonCode.TARGET_REFUSED, "no handover from " + source
                        + " to " + targetCseId));
            }
            leg.serving = known;
            CasResult locked = registry.compareAndSet(leg.aeId(), known.epoch(), known.migrating(leg.tx.txid()));
            if (!locked.committed()) {
                return Optional.of(new Failure(leg, ReasonCode.REGISTRY_CONFLICT, locked.toString()));
            }
            leg.locked = true;
        }
        HandoverNode target = nodes.apply(targetCseId).orElseThrow();
        for (Leg leg : legs) {
            String token = issuer.issue(leg.aeId(), leg.serving.servingCseId(), targetCseId, leg.serving.epoch(),
                    leg.tx.txid());
            if (target.admit(token, leg.aeId(), leg.serving.epoch()) instanceof TokenVerification.Refused r) {
                return Optional.of(new Failure(leg, ReasonCode.TARGET_REFUSED, r.toString()));
            }
        }
        return Optional.empty();
    }

    private Optional<Failure> transfer(List<Leg> legs, String targetCseId) {
        HandoverNode target = nodes.apply(targetCseId).orElseThrow();
        for (Leg leg : legs) {
            HandoverNode source = nodes.apply(leg.serving.servingCseId()).orElseThrow();
            leg.transferStart = clock.instant();
            leg.tx = save(leg.tx.to(TransactionState.TRANSFERRING));
            try {
                leg.context = source.export(leg.aeId(), maxInstances).orElseThrow(() -> new IllegalStateException(
                        "AE " + leg.aeId() + " is not registered at " + source.cseId()));
                int created = target.importContext(leg.context);
                leg.imported = true;
                leg.tx = save(leg.tx.withFigures(leg.tx.figures().withTransfer(
                        Duration.between(leg.transferStart, clock.instant()), leg.context.sizeBytes(), created)));
            } catch (RuntimeException e) {
                return Optional.of(new Failure(leg, ReasonCode.TRANSFER_FAILED, e.toString()));
            }
        }
        return Optional.empty();
    }

    private Optional<Failure> switchAll(List<Leg> legs, String targetCseId) {
        for (Leg leg : legs) {
            ServingEntry held = leg.serving.migrating(leg.tx.txid());
            CasResult switched = registry.compareAndSet(leg.aeId(), held.epoch(), held.switchedTo(targetCseId));
            if (!switched.committed()) {
                return Optional.of(new Failure(leg, ReasonCode.REGISTRY_CONFLICT, switched.toString()));
            }
            leg.switched = true;
        }
        return Optional.empty();
    }

    private BundleOutcome abort(String bundleId, List<Leg> legs, String targetCseId, Failure failure) {
        LOG.warn("bundle {}: {} failed ({} {}); rolling back all {} AEs", bundleId, failure.leg().aeId(),
                failure.reason(), failure.detail(), legs.size());
        Optional<HandoverNode> target = nodes.apply(targetCseId);
        for (Leg leg : legs.reversed()) {
            if (leg.switched) {
                handBack(leg, targetCseId);
            }
            if (leg.imported || leg.context != null) {
                target.ifPresent(t -> t.release(leg.aeId()));
                nodes.apply(leg.serving.servingCseId()).ifPresent(s -> s.restoreWindow(leg.context));
            }
            if (leg.locked && !leg.switched) {
                ServingEntry held = leg.serving.migrating(leg.tx.txid());
                registry.compareAndSet(leg.aeId(), held.epoch(), held.restored());
            }
            if (leg.context != null) { // the source refuses the AE it exported until it hears it serves it again
                nodes.apply(leg.serving.servingCseId()).ifPresent(s -> registry.resolve(leg.aeId())
                        .ifPresent(e -> s.servingChanged(leg.aeId(), e)));
            }
        }
        List<HandoverTransaction> ended = new ArrayList<>();
        for (Leg leg : legs) {
            if (leg.tx == null) {
                break;
            }
            release(leg.aeId());
            if (!leg.tx.state().terminal()) {
                ReasonCode why = leg == failure.leg() ? failure.reason() : ReasonCode.BUNDLE_ABORTED;
                leg.tx = save(leg.tx.rolledBack(why));
            }
            ended.add(leg.tx);
        }
        return new BundleOutcome(bundleId, false, targetCseId, List.of(), ended, failure.leg().aeId(),
                failure.reason());
    }

    /** Undoes a switch: the source still holds the AE, so its entry goes back there (epoch + 1 again). */
    private void handBack(Leg leg, String targetCseId) {
        ServingEntry atTarget = leg.serving.migrating(leg.tx.txid()).switchedTo(targetCseId);
        ServingEntry back = atTarget.migrating(leg.tx.txid());
        if (registry.compareAndSet(leg.aeId(), atTarget.epoch(), back).committed()) {
            registry.compareAndSet(leg.aeId(), back.epoch(), back.switchedTo(leg.serving.servingCseId()));
        }
        leg.switched = false;
        leg.locked = false;
    }

    private BundleOutcome finish(String bundleId, List<Leg> legs, String targetCseId, Instant started) {
        List<HandoverTransaction> ended = new ArrayList<>();
        Map<String, String> cleanup = new LinkedHashMap<>();
        for (Leg leg : legs) { // all switched: target and sources hear it now, devices need no registry read
            ServingEntry now = leg.serving.migrating(leg.tx.txid()).switchedTo(targetCseId);
            nodes.apply(targetCseId).ifPresent(t -> t.servingChanged(leg.aeId(), now));
            nodes.apply(leg.serving.servingCseId()).ifPresent(s -> s.servingChanged(leg.aeId(), now));
        }
        for (Leg leg : legs) {
            leg.tx = save(leg.tx.to(TransactionState.SWITCHING).withFigures(leg.tx.figures()
                    .withPreparation(Duration.between(started, leg.transferStart))));
            try {
                nodes.apply(leg.serving.servingCseId()).ifPresent(s -> s.release(leg.aeId()));
                release(leg.aeId());
                leg.tx = save(leg.tx.to(TransactionState.COMPLETED));
            } catch (RuntimeException e) {
                cleanup.put(leg.aeId(), e.toString());
                leg.tx = save(leg.tx.failed(ReasonCode.SOURCE_CLEANUP_FAILED));
            }
            ended.add(leg.tx);
        }
        if (!cleanup.isEmpty()) {
            LOG.warn("bundle {}: switched to {} but source cleanup failed for {}", bundleId, targetCseId, cleanup);
        }
        LOG.info("bundle {} completed: {} AEs to {} in order {}", bundleId, legs.size(), targetCseId,
                legs.stream().map(Leg::aeId).toList());
        return new BundleOutcome(bundleId, true, targetCseId, legs.stream().map(Leg::aeId).toList(), ended, null,
                null);
    }

    private void release(String aeId) {
        DownlinkRouter router = downlinks;
        if (router != null && registry.resolve(aeId).isPresent()) {
            router.release(aeId);
        }
    }

    private HandoverTransaction save(HandoverTransaction tx) {
        transactions.update(tx);
        return tx;
    }
}
