/**
 * The coordinator's requests to MN-CSEs in other processes, as oneM2M primitives on a virtual resource
 * {@code <CSEBase>/oeHoCtl} (ARCHITECTURE.md "No private side channels between nodes").
 *
 * <pre>
 *  HandoverCoordinator ──► RemoteHandoverParticipant ──UPDATE cse-mn1/oeHoCtl {oe:hoExport:{aeid,max}}──►
 *      (any CseClient: HTTP, MQTT)                     HandoverControl (in front of the MN's HandoverNode)
 *                                  ◄── 2004 {oe:hoRes:{ctx:…}} ──────────────────────────────────────┘
 * </pre>
 */
package org.oneedge.handover.remote;
