package org.oneedge.handover.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Issues the short-lived signed token the coordinator hands to the target of a handover (HANDOVER.md "Security"),
 * so that the target can admit the AE without asking the coordinator back. Ed25519 keys come from the JDK
 * ({@code KeyPairGenerator.getInstance("Ed25519")}); the target holds the public key.
 */
public final class HandoverTokenIssuer {

    /** Default token lifetime: long enough for a switch, short enough that a stolen token is soon useless. */
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofSeconds(30);

    private final PrivateKey privateKey;
    private final Clock clock;
    private final Duration timeToLive;

    public HandoverTokenIssuer(PrivateKey privateKey, Clock clock, Duration timeToLive) {
        if (!"Ed25519".equals(privateKey.getAlgorithm()) && !"EdDSA".equals(privateKey.getAlgorithm())) {
            throw new IllegalArgumentException("an Ed25519 key is needed, was " + privateKey.getAlgorithm());
        }
        if (timeToLive.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("timeToLive must be at least 1s, was " + timeToLive);
        }
        this.privateKey = privateKey;
        this.clock = clock;
        this.timeToLive = timeToLive;
    }

    /** A fresh Ed25519 key pair, e.g. for a coordinator that starts without a configured key. */
    public static KeyPair generateKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks Ed25519", e);
        }
    }

    /** Signs a token for one AE moving from source to target at the given epoch. */
    public String issue(String aeId, String sourceCseId, String targetCseId, long epoch, String txid) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        HandoverClaims claims = new HandoverClaims(aeId, sourceCseId, targetCseId, epoch, txid, now,
                now.plus(timeToLive), UUID.randomUUID().toString());
        return sign(claims);
    }

    /** Signs the given claims as they are (tests use it to build expired or misaddressed tokens). */
    public String sign(HandoverClaims claims) {
        String input = CompactJws.signingInput(claims);
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + CompactJws.encode(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing a handover token failed", e);
        }
    }
}
