/**
 * Groups and their fanOutPoint (TS-0001 9.6.13/9.6.14, TS-0004 7.4.13/7.4.14, digest §7.3), installed by default
 * through {@link org.oneedge.cse.group.GroupExtension}.
 *
 * <pre>
 *  CREATE/UPDATE &lt;group&gt; ─► GroupHandler ─► MemberValidator (exists 4004, retrievable 5105, mt/csy 4110, mnm 6010)
 *  any op on &lt;group&gt;/fopt[/path] ─► TargetResolver (virtual child) ─► GroupHandler.handleVirtual ─► FanOutPoint
 *        macp/acpi 4103 · no members 4109 · each member + path via Cse.send (local, or Forwarder for other CSEs)
 *        ─► {"m2m:agr":{"m2m:rsp":[{rsc,rqi,pc,fr,to}, …]}} rsc 2000 · nobody answered before rset: 5209
 *  Deleted(member) ─► GroupMembershipListener ─► UPDATE mid of the groups listing it
 * </pre>
 *
 * Documented choices: a missing local member is 4004 (as ACME); members on other CSEs are kept unchecked with
 * {@code mtv=false}; a group reached again by its own fan-out (same {@code gid}) answers 4104 instead of looping;
 * member answers arriving after {@code rset} (default: 30 s) are left out of the aggregate.
 */
package org.oneedge.cse.group;
