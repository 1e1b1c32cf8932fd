/**
 * N-best ranking of federation nodes for a placement or handover target choice (HANDOVER.md "Candidate
 * selection"): hard requirements filter with a reason per exclusion, then a deterministic weighted score over
 * metrics normalised to 0..1 on fixed scales, ties broken by node id (CSE-ID).
 *
 * <pre>
 *  nodes --(Requirements: status, kind, apis, capacity, trust, owners, cost, distance)--> eligible | excluded+reasons
 *  eligible --(MetricScales -> 0..1, RankingWeights)--> score --sort(score desc, nodeId asc)--> first N
 * </pre>
 * Fixed scales (not min-max over the candidates) keep each node's score independent of the others, so adding a
 * worse node never reorders the better ones.
 */
package org.oneedge.federation.ranking;
