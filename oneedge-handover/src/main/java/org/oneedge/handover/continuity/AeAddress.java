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
        if (to == null) {
            return null;
        }
        String rest = to;
        if (rest.startsWith("//")) { // absolute: //sp-id/cse-id/...
            int cse = rest.indexOf('/', 2);
            if (cse < 0) {
                return null;
            }
            rest = rest.substring(cse);
        }
        if (rest.startsWith("/")) { // SP-relative: /cse-id/...
            String prefix = cseId + "/";
            if (!rest.startsWith(prefix)) {
                return null;
            }
            rest = rest.substring(prefix.length());
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
        if (to == null) {
            return false;
        }
        String rest = to;
        if (rest.startsWith("//")) {
            int cse = rest.indexOf('/', 2);
            rest = cse < 0 ? "" : rest.substring(cse);
        }
        if (rest.startsWith("/")) {
            int below = rest.indexOf('/', 1);
            rest = below < 0 ? "" : rest.substring(below + 1);
        }
        int slash = rest.indexOf('/');
        return slash > 0 && slash < rest.length() - 1;
    }
}
