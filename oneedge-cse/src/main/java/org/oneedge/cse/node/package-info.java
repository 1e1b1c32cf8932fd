/**
 * Device management resources (TS-0001 9.6.15/9.6.18, TS-0004 Annex D, digest §1.2 and §8.5): {@code <node>} and the
 * {@code <mgmtObj>} specializations (firmware, software, memory, areaNwkInfo, areaNwkDeviceInfo, battery, deviceInfo,
 * reboot and the CMDH policy objects 1011–1019), installed by default through
 * {@link org.oneedge.cse.node.NodeExtension}.
 *
 * <pre>
 *  CREATE ty=13 {"m2m:bat":{…}} ─► MgmtObjHandler.schema("m2m:bat") ─► battery table (unknown key: 4000)
 *        ─► mgd must be 1006 (4000) ─► value rules (btl 0..100, bts 1..7: 4000) ─► stored; represented as m2m:bat
 *  AE created / nl updated / deleted ─► NodeLinkListener ─► UPDATE hael of the node(s) concerned
 * </pre>
 *
 * The CMDH attribute short names (od, dev, ror, aecs, dqet … lqet …, ttn, bop, mbfs, sgp) follow TS-0004
 * Table 8.2.3-x as far as we could check; the digest lists only the long names.
 */
package org.oneedge.cse.node;
