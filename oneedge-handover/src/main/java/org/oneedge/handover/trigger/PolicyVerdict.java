package org.oneedge.handover.trigger;

import java.time.Instant;

/**
 * The outcome of evaluating the handover policies for one AE (HANDOVER.md trigger 5). Conflicts are a verdict of
 * their own, naming both policies, and never lead to a handover ("reported with a reason, never silently resolved").
 */
public sealed interface PolicyVerdict {

    /** A handover is demanded (or admitted), to the targets the policies allow. */
    record Handover(HandoverDecision decision) implements PolicyVerdict {
    }

    /** Handovers wait until {@code until}. */
    record Deferred(String policy, Instant until, String reason) implements PolicyVerdict {
    }

    /** No handover now. */
    record Forbidden(String policy, String reason) implements PolicyVerdict {
    }

    /** Two applicable policies demand contradictory actions; nothing happens until someone resolves it. */
    record Conflict(String policy, String otherPolicy, String reason) implements PolicyVerdict {
    }

    /** No policy demands anything. */
    record NoAction(String reason) implements PolicyVerdict {
    }
}
