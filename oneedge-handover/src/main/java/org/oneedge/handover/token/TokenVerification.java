package org.oneedge.handover.token;

/** The outcome of verifying a handover token: accepted with its claims, or refused with a reason and a message. */
public sealed interface TokenVerification {

    /** The token is genuine, current and addressed to this CSE for this AE; its jti is now spent. */
    record Accepted(HandoverClaims claims) implements TokenVerification {
    }

    /** The token must not be honoured. */
    record Refused(TokenRefusal reason, String message) implements TokenVerification {
    }

    default boolean accepted() {
        return this instanceof Accepted;
    }
}
