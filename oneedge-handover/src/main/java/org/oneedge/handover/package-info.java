/**
 * Service-layer handover of a moving device between MN-CSEs (design/HANDOVER.md), built from oneM2M resources and
 * requests only.
 *
 * <pre>
 *            IN-CSE                                   coordinator (HandoverCoordinator)
 *   cse-in/oeHandover/sr-&lt;AE-ID&gt;  (oe:hoSrv)  ◄── CAS ──┤  registry: SERVING e → MIGRATING e(tx) → SERVING e+1
 *   cse-in/oeHandover/tx-&lt;txid&gt;   (oe:hoTx)   ◄── UPDATE┤  transaction: REQUESTED … COMPLETED, figures
 *                                                      │  token (Ed25519 JWS) ──► target.admit
 *   source MN-CSE (HandoverNode) ── export ──► context ──► target MN-CSE (HandoverNode) importContext
 *          ▲ fenced while MIGRATING (a write is held until      ▲ uplink window applies replays once
 *          │  the switch, then refused naming the target) / after switch
 *          └──── device (HandoverAwareClient): numbers rqi, buffers, follows the registry, replays ──┘
 *   downlink (DownlinkRouter at the IN-CSE): held while MIGRATING, released in order after the switch
 * </pre>
 *
 * Packages: {@code token} (handover tokens), {@code registry} (serving registry, fencing), {@code transaction}
 * (state machine and its resource), {@code continuity} (uplink window, downlink hold), {@code context} (the
 * engine-side export/import extension), {@code remote} (the coordinator's requests to MN-CSEs in other processes,
 * {@code <CSEBase>/oeHoCtl}), {@code candidate} (N-best targets, readiness, MEC 010-2 activation, fall-back),
 * {@code bundle} (all AEs of a device at once), {@code trigger} (the five triggers and the runner that turns their
 * decisions into transactions). {@link org.oneedge.handover.HandoverParticipant} is what the coordinator needs of a
 * node, local ({@link org.oneedge.handover.HandoverNode}) or remote.
 */
package org.oneedge.handover;
