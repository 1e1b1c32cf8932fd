/**
 * Resource announcement (TS-0001 9.6.26 and 10.2.13, TS-0004 7.4.26, digest §1.1 and §8.2), installed by the app
 * through {@link org.oneedge.cse.announcement.AnnouncementExtension}: copies ({@code …Annc}, ty 10000+ty) of AE,
 * container, contentInstance, flexContainer, group, node and mgmtObj at the CSEs named in {@code at}.
 *
 * <pre>
 *  at the announcing CSE                                     at the target CSE (e.g. the IN-CSE)
 *  CREATE/UPDATE with at ─► AnnounceToCheck (4000: unknown CSE, itself, type never announced)
 *  events ─► MccOutbox (&lt;request&gt; outbox-N in this CSE's store, in order, waits while the link is down)
 *        ─► CREATE/UPDATE/DELETE …Annc ─────────────────────► below &lt;remoteCSE&gt; /id-mn1, or the parent's copy
 *        ◄─ copy ri ─► at = [/id-in/&lt;copy ri&gt;]                 AnnouncedResourceHandler (lnk, any original attribute)
 *                                                           RETRIEVE rcn=7 ─► (engine) ─► lnk            
 *  registrar registered anew (target lost its data) ─► reannounce(target), parents first
 * </pre>
 *
 * Documented choices: copies live below the announcing CSE's {@code <remoteCSE>} at the target (the Rel-2 place, as
 * no {@code <CSEBaseAnnc>} exists here) and are named by the original's {@code ri}; access control policies travel
 * with the resource (digest §5.2, §8.2): the policies in the original's {@code acpi} (or its parent's, when it has
 * none) are announced to the same target first ({@code m2m:acpA} with {@code pv}/{@code pvs}, kept in step) and the
 * copy's {@code acpi} names their copies, so the target judges access to the copy by the original's rules, while the
 * announcing CSE itself may always keep its copies in step; the
 * {@code at} bookkeeping is written straight to the store (no event, {@code lt} unchanged); {@code ast}
 * (announceSyncType, digest §1.4/§8.2, Release 4 from ACME only) is announced with the copy: with 2 (bi-directional)
 * an UPDATE of the copy by anyone but the announcing CSE is sent to the original as that originator's request and
 * comes back through the ordinary synchronization; with 1 or absent only the announcing CSE (or the administrator)
 * may update the copy, anyone else gets 4005 naming the original (digest §5.2).
 */
package org.oneedge.cse.announcement;
