/**
 * Where a handover goes (HANDOVER.md "Candidate selection", "Target readiness"): N-best targets from the federation
 * ranking ({@link org.oneedge.handover.candidate.CandidateSelector}), their readiness and MEC 010-2 activation
 * ({@link org.oneedge.handover.candidate.MecLcmTargets}), and the deterministic fall-back from one target to the next
 * that records every target tried with its outcome ({@link org.oneedge.handover.candidate.FallbackHandover}).
 */
package org.oneedge.handover.candidate;
