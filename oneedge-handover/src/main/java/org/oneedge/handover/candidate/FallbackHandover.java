package org.oneedge.handover.candidate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oneedge.handover.HandoverCoordinator;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.transaction.HandoverTransaction;
import org.oneedge.handover.transaction.ReasonCode;
import org.oneedge.handover.transaction.TransactionState;
import org.oneedge.handover.transaction.TransactionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one AE to the first of its candidate targets that is ready and accepts it (HANDOVER.md "Candidate
 * selection": "if the first target fails admission, readiness or registration within its deadline, the next one is
 * tried; the outcome names every target tried and why it failed"). Targets are tried strictly in candidate order; a
 * provisioned target is brought up through {@link TargetPreparation} first. The transaction that ends the run (under
 * {@code txid}, or {@code txid-2}, {@code txid-3} … for later targets the coordinator was asked to move to) records
 * every target tried with its outcome.
 *
 * <pre>
 *  for each candidate: readiness ─ READY ─────────────────────────► coordinator.handover ─ COMPLETED ─► done
 *                               └ activatable ─► prepare ─ READY ─┘         └ ROLLED_BACK ─► next
 *                               └ UNREACHABLE / ACTIVATION_FAILED ─► next
 * </pre>
 */
public final class FallbackHandover {

    private static final Logger LOG = LoggerFactory.getLogger(FallbackHandover.class);

    /** One target tried and how that ended. */
    public record Attempt(String cseId, String outcome) {
    }

    /** The transaction that ended the run (empty only when the AE was not being served) and every attempt. */
    public record Outcome(Optional<HandoverTransaction> transaction, List<Attempt> attempts) {

        public Outcome {
            attempts = List.copyOf(attempts);
        }

        public boolean completed() {
            return transaction.map(t -> t.state() == TransactionState.COMPLETED).orElse(false);
        }

        /** The target that took the AE, if one did. */
        public Optional<String> target() {
            return completed() ? transaction.map(HandoverTransaction::targetCseId) : Optional.empty();
        }
    }

    private final HandoverCoordinator coordinator;
    private final ServingRegistry registry;
    private final TransactionStore transactions;
    private final TargetPreparation preparation;

    public FallbackHandover(HandoverCoordinator coordinator, ServingRegistry registry, TransactionStore transactions,
                            TargetPreparation preparation) {
        this.coordinator = coordinator;
        this.registry = registry;
        this.transactions = transactions;
        this.preparation = preparation;
    }

    /** Tries the candidates in order until one takes the AE; idempotent by {@code txid} once it has ended. */
    public Outcome handover(String txid, String aeId, List<TargetCandidate> candidates) {
        Optional<HandoverTransaction> known = transactions.find(txid);
        if (known.isPresent() && known.get().state().terminal()) {
            return new Outcome(known, attemptsOf(known.get()));
        }
        List<Attempt> attempts = new ArrayList<>();
        HandoverTransaction last = null;
        int asked = 0;
        for (TargetCandidate candidate : candidates) {
            String target = candidate.cseId();
            TargetReadiness readiness = preparation.readiness(target);
            if (readiness != TargetReadiness.READY) {
                if (!readiness.activatable()) {
                    attempts.add(new Attempt(target, readiness.name()));
                    continue;
                }
                Readied readied = preparation.prepare(target);
                if (!readied.ready()) {
                    attempts.add(new Attempt(target, readiness + " -> " + readied.readiness() + ": "
                            + readied.detail()));
                    continue;
                }
            }
            String attemptTxid = asked++ == 0 ? txid : txid + "-" + asked;
            try {
                last = coordinator.handover(attemptTxid, aeId, target);
            } catch (IllegalStateException e) {
                attempts.add(new Attempt(target, "not started: " + e.getMessage()));
                break;
            }
            if (last.state() == TransactionState.COMPLETED) {
                attempts.add(new Attempt(target, "COMPLETED"));
                break;
            }
            attempts.add(new Attempt(target, last.state() + " " + last.reason()));
            if (last.reason() == ReasonCode.REGISTRY_CONFLICT) {
                break; // another handover moved the AE: trying further targets would fight it
            }
        }
        if (last == null) {
            Optional<ServingEntry> serving = registry.resolve(aeId);
            if (serving.isEmpty() || candidates.isEmpty()) {
                LOG.warn("handover {} of {}: nothing to try ({} candidates, entry {})", txid, aeId,
                        candidates.size(), serving);
                return new Outcome(Optional.empty(), attempts);
            }
            last = transactions.createIfAbsent(HandoverTransaction.requested(txid, aeId,
                    serving.get().servingCseId(), candidates.getFirst().cseId(), serving.get().epoch()));
            if (!last.state().terminal()) {
                last = last.rolledBack(ReasonCode.NO_TARGET_READY);
            }
        }
        HandoverTransaction recorded = last.withFigures(last.figures().withTargetsTried(
                attempts.stream().map(Attempt::cseId).toList(), attempts.stream().map(Attempt::outcome).toList()));
        transactions.update(recorded);
        LOG.info("handover {} of {}: {} after {}", txid, aeId, recorded.state(), attempts);
        return new Outcome(Optional.of(recorded), attempts);
    }

    private static List<Attempt> attemptsOf(HandoverTransaction tx) {
        List<String> ids = tx.figures().targetsTried();
        List<String> why = tx.figures().targetOutcomes();
        List<Attempt> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            out.add(new Attempt(ids.get(i), i < why.size() ? why.get(i) : ""));
        }
        return out;
    }
}
