package org.oneedge.handover.candidate;

/**
 * How ready a target MN-CSE is to take an AE (HANDOVER.md "Target readiness"). A target that is provisioned on a MEC
 * host but not running ({@link #PROVISIONED_NOT_INSTANTIATED}, {@link #STOPPED}) is brought up through MEC 010-2
 * before the switch; the design's {@code INSTANTIATED}/{@code ACTIVE} are {@link #STARTING}/{@link #READY} here,
 * {@code ACTIVATION_FAILED}/{@code TIMEOUT} are {@link #ACTIVATION_FAILED} with the reason in the attempt.
 */
public enum TargetReadiness {
    /** The MN-CSE answers oneM2M requests. */
    READY,
    /** Its MEC application instance is instantiated and started, but the CSE does not answer yet. */
    STARTING,
    /** A MEC 010-2 app instance exists for it but is not instantiated. */
    PROVISIONED_NOT_INSTANTIATED,
    /** Its MEC application instance is instantiated but stopped. */
    STOPPED,
    /** It does not answer and no MEC lifecycle is known that could start it. */
    UNREACHABLE,
    /** Bringing it up failed or did not finish within its deadline. */
    ACTIVATION_FAILED;

    /** True when the MEC lifecycle can bring the target to {@link #READY}. */
    public boolean activatable() {
        return this == STARTING || this == PROVISIONED_NOT_INSTANTIATED || this == STOPPED;
    }
}
