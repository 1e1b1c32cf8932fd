package org.oneedge.cse.resource;

import org.oneedge.cse.store.Resource;
import org.oneedge.model.Request;

/**
 * The engine's access-control hook (TS-0001 9.6.1.3.2, TS-0003 7.1.5): asked once per request before a handler runs,
 * and once per candidate during discovery. The engine answers 4103 ORIGINATOR_HAS_NO_PRIVILEGE when it says no.
 *
 * <p>How the engine calls it:
 * <ul>
 *   <li>{@code privilege} is one {@code acop} bit: {@link org.oneedge.model.Operation#privilege()} of the request's
 *       operation, or {@link org.oneedge.model.Operation#DISCOVERY_PRIVILEGE} for each resource a discovery would
 *       return (refused ones are left out silently).</li>
 *   <li>{@code target} is the addressed resource; for CREATE it is the parent, and the type to be created is
 *       {@code request.resourceType()} (for {@code acod/chty}). For the virtual {@code la}/{@code ol} it is the
 *       container. A {@code <contentInstance>} is passed as itself: the checker applies its parent's policies.</li>
 *   <li>Not called for the admin originator ({@code CseConfig.adminOriginator}) nor for {@code <AE>} CREATE
 *       (registration rules apply instead, digest §5.2), nor for requests the CSE makes itself (expiry).</li>
 *   <li>An UPDATE that changes {@code acpi} reaches the checker only when {@code acpi} is the sole attribute sent
 *       (the engine refuses mixed updates with 4000 first), so the checker can judge it by {@code pvs}.</li>
 * </ul>
 * Implementations must be thread-safe and must not write to the store. Plug one in with
 * {@code Cse.builder().accessChecker(…)}; the default enforces access control policies ({@link AclAccessChecker}),
 * and {@link #allowAll()} switches checks off.
 */
@FunctionalInterface
public interface AccessChecker {

    /**
     * @param originator the request's {@code fr} (for AE registrations the assigned AE-ID)
     * @param privilege  the {@code acop} bit needed
     * @param target     the resource the privilege is checked on
     * @param request    the whole request, for contexts such as {@code acpi}-only updates; never null
     * @return true when the originator holds the privilege
     */
    boolean permits(String originator, int privilege, Resource target, Request request);

    /** Grants everything: the engine's default until access control policies are plugged in. */
    static AccessChecker allowAll() {
        return (originator, privilege, target, request) -> true;
    }
}
