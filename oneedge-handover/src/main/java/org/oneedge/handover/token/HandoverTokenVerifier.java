package org.oneedge.handover.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks, at the target CSE, a handover token issued by the coordinator (HANDOVER.md "Single registration",
 * "Security"): signature with the coordinator's public key (no round trip), expiry, addressee, AE, epoch and
 * single use. Thread-safe. The checks run in that order so a forged token never spends a jti.
 */
public final class HandoverTokenVerifier {

    /** Default number of spent jti values remembered. */
    public static final int DEFAULT_REPLAY_CAPACITY = 10_000;
    /** Default tolerated clock skew for {@code iat} in the future and {@code exp} in the past. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(2);

    private final PublicKey coordinatorKey;
    private final String localCseId;
    private final Clock clock;
    private final Duration clockSkew;
    private final ReplayWindow replays;

    public HandoverTokenVerifier(PublicKey coordinatorKey, String localCseId, Clock clock) {
        this(coordinatorKey, localCseId, clock, DEFAULT_CLOCK_SKEW, DEFAULT_REPLAY_CAPACITY);
    }

    public HandoverTokenVerifier(PublicKey coordinatorKey, String localCseId, Clock clock, Duration clockSkew,
                                 int replayCapacity) {
        this.coordinatorKey = coordinatorKey;
        this.localCseId = localCseId;
        this.clock = clock;
        this.clockSkew = clockSkew;
        this.replays = new ReplayWindow(replayCapacity);
    }

    /**
     * @param token        the compact JWS as received
     * @param aeId         the AE-ID that presents the token
     * @param currentEpoch the serving registry's epoch for that AE now
     */
    public TokenVerification verify(String token, String aeId, long currentEpoch) {
        Optional<CompactJws.Parts> parts = CompactJws.split(token);
        if (parts.isEmpty()) {
            return refuse(TokenRefusal.MALFORMED, "the token is not a compact JWS of three base64url parts");
        }
        if (!signatureValid(parts.get())) {
            return refuse(TokenRefusal.FORGED, "the token's signature does not verify with the coordinator's key");
        }
        Optional<HandoverClaims> read = CompactJws.claims(parts.get().header(), parts.get().payload());
        if (read.isEmpty()) {
            return refuse(TokenRefusal.MALFORMED, "the token's header or claims are incomplete");
        }
        HandoverClaims claims = read.get();
        Instant now = clock.instant();
        if (!claims.expiresAt().plus(clockSkew).isAfter(now)) {
            return refuse(TokenRefusal.EXPIRED, "the token expired at " + claims.expiresAt() + ", now " + now);
        }
        if (claims.issuedAt().minus(clockSkew).isAfter(now)) {
            return refuse(TokenRefusal.EXPIRED, "the token is issued in the future (" + claims.issuedAt() + ")");
        }
        if (!claims.targetCseId().equals(localCseId)) {
            return refuse(TokenRefusal.WRONG_TARGET,
                    "the token is for target " + claims.targetCseId() + ", this CSE is " + localCseId);
        }
        if (!claims.aeId().equals(aeId)) {
            return refuse(TokenRefusal.WRONG_AE, "the token is for AE " + claims.aeId() + ", not " + aeId);
        }
        if (claims.epoch() != currentEpoch) {
            return refuse(TokenRefusal.STALE_EPOCH,
                    "the token carries epoch " + claims.epoch() + ", the registry's epoch is " + currentEpoch);
        }
        if (!replays.firstUse(claims.jti(), claims.expiresAt().plus(clockSkew), now)) {
            return refuse(TokenRefusal.REPLAYED, "the token " + claims.jti() + " was already used");
        }
        return new TokenVerification.Accepted(claims);
    }

    private boolean signatureValid(CompactJws.Parts parts) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(coordinatorKey);
            signature.update(parts.signingInput().getBytes(StandardCharsets.US_ASCII));
            return signature.verify(parts.signature());
        } catch (GeneralSecurityException e) {
            return false; // e.g. a signature of the wrong length
        }
    }

    private static TokenVerification refuse(TokenRefusal reason, String message) {
        return new TokenVerification.Refused(reason, message);
    }
}
