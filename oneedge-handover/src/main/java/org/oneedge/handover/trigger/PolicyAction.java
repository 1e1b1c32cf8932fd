package org.oneedge.handover.trigger;

/** What a handover policy says while it applies (HANDOVER.md trigger 5: "allowed, deferred or forbidden"). */
public enum PolicyAction {
    /** A handover is demanded now (to the policy's allowed targets, or any). */
    MOVE,
    /** Handovers may happen, but only to the policy's allowed targets when it names any. */
    ALLOW,
    /** Handovers wait until the policy's time window ends. */
    DEFER,
    /** No handover while the policy applies. */
    FORBID
}
