package org.oneedge.handover.candidate;

/**
 * One target MN-CSE a handover may move to, with its rank and the reason it has that rank (HANDOVER.md "Candidate
 * selection": "with a reason for each rank").
 *
 * @param cseId  SP-relative CSE-ID of the target, e.g. {@code /id-mn2}
 * @param rank   1-based position in the order targets are tried
 * @param reason why the target is there, e.g. the federation score breakdown or "named by AMS"
 */
public record TargetCandidate(String cseId, int rank, String reason) {

    public TargetCandidate {
        if (cseId == null || cseId.isBlank() || rank < 1 || reason == null) {
            throw new IllegalArgumentException("a candidate needs a CSE-ID, a rank of at least 1 and a reason");
        }
    }
}
