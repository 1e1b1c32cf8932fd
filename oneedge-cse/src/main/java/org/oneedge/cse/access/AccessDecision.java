package org.oneedge.cse.access;

/**
 * The outcome of evaluating one {@link AccessRequest}: granted, or denied with a message naming originator,
 * operation and target (sent as {@code m2m:dbg} with 4103 ORIGINATOR_HAS_NO_PRIVILEGE).
 */
public record AccessDecision(boolean granted, String reason) {

    private static final AccessDecision GRANTED = new AccessDecision(true, "granted");

    public static AccessDecision grant() {
        return GRANTED;
    }

    public static AccessDecision deny(String reason) {
        return new AccessDecision(false, reason);
    }
}
