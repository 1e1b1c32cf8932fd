/**
 * The transport-free oneM2M CSE engine: {@link org.oneedge.cse.Cse} takes a request primitive and returns a response
 * primitive (ARCHITECTURE.md "A request's way through a CSE", TS-0004 7.3).
 *
 * <pre>
 *  Cse.send(Request)
 *    │ PrimitiveCheck      rvi, fr, ty, rcn, fc              → 4001 / 4000 / 4005 / 5001
 *    │ Address.parse       to                                → 4000
 *    ├─ other CSE-ID ───► Forwarder                          → 4004 until Mcc exists
 *    │ TargetResolver      structured / ri / hybrid / la, ol → 4004 (expired counts as absent)
 *    ├─ virtual child (fopt) ─► its parent's ResourceHandler.handleVirtual
 *    │ Create-/Retrieve-/Update-/DeleteOperation
 *    │     child type allowed by the parent's handler        → 4108
 *    │     AccessChecker (not for admin, not for AE CREATE)  → 4103
 *    │     AttributeSchema of the type                       → 4000
 *    │     [WriteLocks stripe of the parent / resource]
 *    │        universal attributes, ResourceHandler         → 4005 / 4105 / 4117 / 5207 ...
 *    │        ResourceStore.apply(one atomic batch)
 *    │     EventBus → ResourceEventListeners (subscriptions, ...)
 *    ▼ Response (rcn content, Content-Location), rqi / rvi echoed
 * </pre>
 *
 * Features plug in through {@link org.oneedge.cse.resource.ResourceHandler} (one per resource type),
 * {@link org.oneedge.cse.event.ResourceEventListener}, {@link org.oneedge.cse.resource.AccessChecker},
 * {@link org.oneedge.cse.Forwarder} and {@link org.oneedge.cse.CseExtension}, all given to {@link Cse.Builder}.
 */
package org.oneedge.cse;
