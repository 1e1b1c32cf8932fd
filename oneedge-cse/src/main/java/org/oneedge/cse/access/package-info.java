/**
 * Access control (TS-0003 7.1, TS-0001 9.6.1.3.2, digest §5): {@code <accessControlPolicy>} resources and the
 * {@link org.oneedge.cse.resource.AccessChecker} that enforces them.
 *
 * <pre>
 *  engine ─permits(originator, acop bit, target, request)─► AclAccessChecker ─► AccessControlEvaluator
 *      admin / CSE itself ─► grant
 *      target is an ACP   ─► its pvs          contentInstance ─► its container
 *      acpi present       ─► union of pv      no acpi         ─► creator / owning AE only
 *      UPDATE of acpi     ─► pvs of the ACPs currently referenced
 * </pre>
 *
 * {@link org.oneedge.cse.access.AccessControlExtension} installs the handler and the checker; the {@code Cse} builder
 * does so by default.
 */
package org.oneedge.cse.access;
