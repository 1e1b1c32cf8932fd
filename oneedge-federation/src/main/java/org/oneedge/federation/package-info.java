/**
 * Federation of OneEdge nodes (IN-CSE, MN-CSEs, MEC platforms, MEC hosts): the records every part shares.
 *
 * <pre>
 *  node side                        IN-CSE side
 *  FederationMember --CREATE/UPDATE--> cse-in/federation/node-&lt;id&gt;  (flexContainer org.oneedge.federation.node)
 *     (heartbeat: hbt, load, ltcy)         ^            |
 *                                          |            v
 *                       FederationRegistry (query, groups ty 9, roles) &lt;-- HealthMonitor (DOWN after N misses)
 *                                          |
 *                                          v
 *                                 ranking.Ranker (pure N-best with reasons)
 * </pre>
 * Everything crosses the CSE as oneM2M requests through a {@code CseClient} (ARCHITECTURE.md "Everything is a
 * resource"), so the registry works in-process in tests and over HTTP in deployments.
 */
package org.oneedge.federation;
