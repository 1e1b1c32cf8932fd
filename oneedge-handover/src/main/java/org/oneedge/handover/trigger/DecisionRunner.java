package org.oneedge.handover.trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.oneedge.federation.ranking.Requirements;
import org.oneedge.handover.bundle.BundleHandover;
import org.oneedge.handover.bundle.BundleMember;
import org.oneedge.handover.bundle.BundleOutcome;
import org.oneedge.handover.candidate.CandidateSelector;
import org.oneedge.handover.candidate.FallbackHandover;
import org.oneedge.handover.candidate.Readied;
import org.oneedge.handover.candidate.TargetCandidate;
import org.oneedge.handover.candidate.TargetPreparation;
import org.oneedge.handover.candidate.TargetReadiness;
import org.oneedge.handover.transaction.HandoverTransaction;
import org.oneedge.handover.transaction.ReasonCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a trigger's {@link HandoverDecision}, whichever trigger took it (HANDOVER.md "all ending in the same
 * transaction"): the targets it names come first, the federation ranking's best follow as fall-backs; one AE goes
 * through {@link FallbackHandover}, several through {@link BundleHandover} (all or nothing) to the first target that
 * is ready and takes the whole bundle.
 *
 * <pre>
 *  decision ─► candidates (named, then ranked) ─┬─ 1 AE ──► FallbackHandover ──► transaction
 *                                               └─ n AEs ─► per candidate: prepare ─► BundleHandover ──► n transactions
 * </pre>
 */
public final class DecisionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionRunner.class);

    /**
     * How a decision ended.
     *
     * @param completed    true when every AE of the decision moved
     * @param target       where they moved
     * @param transactions the transactions that ended it (one, or one per AE of a bundle)
     * @param attempts     every target tried with its outcome
     */
    public record Result(HandoverDecision decision, boolean completed, Optional<String> target,
                         List<HandoverTransaction> transactions, List<FallbackHandover.Attempt> attempts) {

        public Result {
            transactions = List.copyOf(transactions);
            attempts = List.copyOf(attempts);
        }
    }

    private final CandidateSelector selector;
    private final Requirements requirements;
    private final FallbackHandover fallback;
    private final BundleHandover bundles;
    private final TargetPreparation preparation;
    private final ToIntFunction<String> priorityOf;
    private final Supplier<String> txids;

    /**
     * @param requirements what ranked fall-back targets must meet and how many to keep
     * @param priorityOf   an AE's re-registration priority within a bundle (higher first)
     * @param txids        fresh transaction ids
     */
    public DecisionRunner(CandidateSelector selector, Requirements requirements, FallbackHandover fallback,
                          BundleHandover bundles, TargetPreparation preparation, ToIntFunction<String> priorityOf,
                          Supplier<String> txids) {
        this.selector = selector;
        this.requirements = requirements;
        this.fallback = fallback;
        this.bundles = bundles;
        this.preparation = preparation;
        this.priorityOf = priorityOf;
        this.txids = txids;
    }

    public Result run(HandoverDecision d) {
        List<TargetCandidate> candidates = selector.candidates(d.sourceCseId(), d.targets(),
                d.trigger() + ": " + d.reason(), requirements);
        String txid = txids.get();
        if (d.aeIds().size() == 1) {
            FallbackHandover.Outcome o = fallback.handover(txid, d.aeIds().getFirst(), candidates);
            return new Result(d, o.completed(), o.target(), o.transaction().stream().toList(), o.attempts());
        }
        List<BundleMember> members = d.aeIds().stream()
                .map(ae -> new BundleMember(ae, priorityOf.applyAsInt(ae))).toList();
        List<FallbackHandover.Attempt> attempts = new ArrayList<>();
        List<HandoverTransaction> last = List.of();
        int asked = 0;
        for (TargetCandidate c : candidates) {
            TargetReadiness readiness = preparation.readiness(c.cseId());
            if (readiness != TargetReadiness.READY) {
                Readied r = readiness.activatable() ? preparation.prepare(c.cseId())
                        : new Readied(readiness, "not activatable");
                if (!r.ready()) {
                    attempts.add(new FallbackHandover.Attempt(c.cseId(), readiness + " -> " + r.readiness()));
                    continue;
                }
            }
            BundleOutcome o = bundles.handover(asked++ == 0 ? txid : txid + "-" + asked, members, c.cseId());
            last = o.transactions();
            if (o.completed()) {
                attempts.add(new FallbackHandover.Attempt(c.cseId(), "COMPLETED"));
                LOG.info("decision {} ({}) done: bundle of {} moved to {}", txid, d.trigger(), d.aeIds(), c.cseId());
                return new Result(d, true, Optional.of(c.cseId()), last, attempts);
            }
            attempts.add(new FallbackHandover.Attempt(c.cseId(), "ROLLED_BACK " + o.reason() + " (" + o.failedAeId()
                    + ")"));
            if (o.reason() == ReasonCode.REGISTRY_CONFLICT) {
                break;
            }
        }
        LOG.warn("decision {} ({}) for {} did not complete: {}", txid, d.trigger(), d.aeIds(), attempts);
        return new Result(d, false, Optional.empty(), last, attempts);
    }
}
