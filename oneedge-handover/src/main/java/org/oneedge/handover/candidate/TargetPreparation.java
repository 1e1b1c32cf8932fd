package org.oneedge.handover.candidate;

/**
 * Tells how ready a target MN-CSE is and brings a provisioned one up (HANDOVER.md "Target readiness"). Implementations:
 * {@link CseAnswers#asPreparation()} (a target either answers or is unreachable) and {@link MecLcmTargets} (MEC 010-2
 * lifecycle for MN-CSEs deployed as MEC applications).
 */
public interface TargetPreparation {

    /** The target's readiness now, without changing anything. */
    TargetReadiness readiness(String cseId);

    /** Brings the target to {@link TargetReadiness#READY} if it can; blocks until it is or its deadline passed. */
    Readied prepare(String cseId);
}
