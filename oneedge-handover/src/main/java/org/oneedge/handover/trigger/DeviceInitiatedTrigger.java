package org.oneedge.handover.trigger;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.oneedge.federation.ranking.Requirements;
import org.oneedge.handover.HandoverRequests;
import org.oneedge.handover.candidate.CandidateSelector;
import org.oneedge.handover.candidate.TargetCandidate;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.registry.ServingState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device-initiated trigger (HANDOVER.md trigger 4): the device SDK ({@code HandoverAwareClient.requestHandover})
 * asks to move its AE to a named target, or to the best candidate of the federation ranking. The request is refused
 * (empty) when the AE is not served, is migrating already, or names the CSE serving it.
 */
public final class DeviceInitiatedTrigger implements HandoverRequests {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceInitiatedTrigger.class);

    private final ServingRegistry registry;
    private final CandidateSelector selector;
    private final Requirements requirements;
    private final Function<HandoverDecision, Optional<String>> runner;

    /**
     * @param requirements what a target chosen for the device must meet (and how many fall-backs to keep)
     * @param runner       carries a decision out; answers the CSE-ID serving the AE afterwards if it moved
     */
    public DeviceInitiatedTrigger(ServingRegistry registry, CandidateSelector selector, Requirements requirements,
                                  Function<HandoverDecision, Optional<String>> runner) {
        this.registry = registry;
        this.selector = selector;
        this.requirements = requirements;
        this.runner = runner;
    }

    /** The decision for the device's request, or empty with the reason logged. */
    public Optional<HandoverDecision> decide(String aeId, String target, String reason) {
        Optional<ServingEntry> entry = registry.resolve(aeId);
        if (entry.isEmpty() || entry.get().state() != ServingState.SERVING) {
            LOG.info("device {} asked for a handover but is {}", aeId, entry.map(e -> e.state().name())
                    .orElse("not registered"));
            return Optional.empty();
        }
        String source = entry.get().servingCseId();
        if (source.equals(target)) {
            LOG.info("device {} asked to move to {} which already serves it", aeId, target);
            return Optional.empty();
        }
        List<String> targets = target != null ? List.of(target)
                : selector.candidates(source, requirements).stream().map(TargetCandidate::cseId).toList();
        if (targets.isEmpty()) {
            LOG.info("device {} asked for the best target but none qualifies", aeId);
            return Optional.empty();
        }
        String why = "device request" + (target != null ? " for " + target : " for the best target") + ": " + reason;
        return Optional.of(new HandoverDecision(TriggerKind.DEVICE_INITIATED, List.of(aeId), source, targets, aeId,
                why));
    }

    @Override
    public Optional<String> request(String aeId, String target, String reason) {
        return decide(aeId, target, reason).flatMap(runner);
    }
}
