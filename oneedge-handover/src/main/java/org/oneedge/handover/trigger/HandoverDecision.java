package org.oneedge.handover.trigger;

import java.util.List;

/**
 * What a trigger hands the coordinator (HANDOVER.md "Triggers … all ending in the same transaction"): which AEs move,
 * from where, to which targets in order of preference (empty: the best of the federation ranking), and why.
 *
 * @param trigger     which trigger decided
 * @param aeIds       the AEs that move; more than one moves as a bundle (all or nothing)
 * @param sourceCseId the CSE serving them when the decision was taken
 * @param targets     preferred target CSE-IDs, best first; empty to let the ranking choose
 * @param subject     what the decision is about, e.g. the device address {@code 10.0.0.1} or the host
 *                    {@code mec-host-a}; the trigger uses it to report the outcome back
 * @param reason      in words, with the figures that decided it
 */
public record HandoverDecision(TriggerKind trigger, List<String> aeIds, String sourceCseId, List<String> targets,
                               String subject, String reason) {

    public HandoverDecision {
        aeIds = List.copyOf(aeIds);
        targets = List.copyOf(targets);
        if (trigger == null || aeIds.isEmpty() || sourceCseId == null || reason == null) {
            throw new IllegalArgumentException("a decision names its trigger, at least one AE, the source and why");
        }
    }
}
