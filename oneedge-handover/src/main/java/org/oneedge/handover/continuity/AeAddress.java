package org.oneedge.handover.continuity;

/**
 * Reads the AE resource name out of a structured oneM2M address (TS-0001 resource addressing), so an MN-CSE can tell
 * which AE's tree a write from another originator goes into: {@code -/ae1/data}, {@code cse-mn1/ae1/data},
 * {@code /id-mn1/cse-mn1/ae1} and {@code //sp/id-mn1/-/ae1} all name {@code ae1}.
 */
public final class AeAddress {

    private AeAddress() {
    }

    /**
     * The first resource name below the CSEBase in {@code to}, or null when the address is unstructured, names the
     * CSEBase itself, or points at another CSE.
     *
     * @param cseId    this CSE's SP-relative CSE-ID, e.g. {@code /id-mn1}
     * @param baseName this CSE's CSEBase resource name, e.g. {@code cse-mn1}
     */
    public static String aeName(String to, String cseId, String baseName) {
        String rest = cseRelative(to, cseId);
        if (rest == null) {
            return null;
        }
        String below;
        if (rest.startsWith("-/")) {
            below = rest.substring(2);
        } else if (rest.startsWith(baseName + "/")) {
            below = rest.substring(baseName.length() + 1);
        } else {
            return null;
        }
        int end = below.indexOf('/');
        String name = end < 0 ? below : below.substring(0, end);
        return name.isEmpty() ? null : name;
    }

    /**
     * True when {@code to} names a resource below another by its path ({@code x/y}, after an optional SP-relative or
     * absolute CSE prefix), as {@link #aeName} needs; false for an unstructured resource ID.
     */
    public static boolean structured(String to) {
        String rest = cseRelative(to, null);
        if (rest == null) {
            return false;
        }
        int slash = rest.indexOf('/');
        return slash > 0 && slash < rest.length() - 1;
    }

    /**
     * The CSE-relative part of {@code to} after an absolute ({@code //sp/cse/...}) or SP-relative ({@code /cse/...})
     * prefix; null when there is nothing below the CSE or the prefix names a CSE other than {@code cseId} (any CSE
     * when {@code cseId} is null).
     */
    private static String cseRelative(String to, String cseId) {
        if (to == null) {
            return null;
        }
        String rest = to;
        if (rest.startsWith("//")) {
            int cse = rest.indexOf('/', 2);
            if (cse < 0) {
                return null;
            }
            rest = rest.substring(cse);
        }
        if (rest.startsWith("/")) {
            int below = rest.indexOf('/', 1);
            if (below < 0 || cseId != null && !rest.substring(0, below).equals(cseId)) {
                return null;
            }
            rest = rest.substring(below + 1);
        }
        return rest;
    }
}
