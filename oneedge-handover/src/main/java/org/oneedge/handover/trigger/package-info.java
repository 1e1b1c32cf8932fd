/**
 * The five handover triggers of the interworking study (HANDOVER.md "Triggers"), each turning what it observes into a
 * {@link org.oneedge.handover.trigger.HandoverDecision} that {@link org.oneedge.handover.trigger.DecisionRunner}
 * carries into the same transactions.
 *
 * <pre>
 *  MEC 021 AMS notification ───────► AmsTrigger ──────────────┐
 *  MEC 012 MeasRepUeNotification ──► SignalQualityTrigger ────┤
 *  metrics threshold notification ─► LoadBalancingTrigger ────┼─► HandoverDecision ─► (PolicyTrigger.admit)
 *  device SDK requestHandover ─────► DeviceInitiatedTrigger ──┤        ─► DecisionRunner ─► FallbackHandover (1 AE)
 *  CMDH-style policies ────────────► PolicyTrigger.evaluate ──┘                         └► BundleHandover (n AEs)
 *  completion ─► AmsTrigger.reportOutcome ─► AMS contextTransferState ─► INTERHOST_MOVEOUT_COMPLETED
 * </pre>
 * Triggers see MEC only through the oneedge-mec-api types and clients (ARCHITECTURE.md principle 1); the application
 * routes the notifications MEC services POST to the triggers' {@code onNotification(byte[])}.
 */
package org.oneedge.handover.trigger;
