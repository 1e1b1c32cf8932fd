package org.oneedge.handover.token;

/** Why a target refuses a handover token; each reason is reported distinctly so operators can tell attacks from skew. */
public enum TokenRefusal {
    /** Not three canonical base64url parts, or claims missing or of the wrong type. */
    MALFORMED,
    /** The signature does not verify with the coordinator's public key (forged or tampered). */
    FORGED,
    /** {@code exp} has passed (or {@code iat} lies in the future beyond the allowed skew). */
    EXPIRED,
    /** The token names another target CSE. */
    WRONG_TARGET,
    /** The token names another AE than the one registering. */
    WRONG_AE,
    /** The serving registry's epoch moved since the token was issued. */
    STALE_EPOCH,
    /** The token's {@code jti} was accepted before (or is too old to be checked against the replay window). */
    REPLAYED
}
