package org.oneedge.handover.token;

import java.time.Instant;

/**
 * What a handover token asserts (HANDOVER.md "Security"): this AE may move from the source to the target CSE while
 * the serving registry's epoch is {@code epoch}, within transaction {@code txid}, until {@code exp}.
 *
 * @param aeId        the AE-ID that moves
 * @param sourceCseId SP-relative CSE-ID of the serving CSE, e.g. {@code /id-mn1}
 * @param targetCseId SP-relative CSE-ID of the CSE that takes over; only that CSE accepts the token
 * @param epoch       serving-registry epoch the handover starts from (fencing token)
 * @param txid        handover transaction id
 * @param issuedAt    {@code iat}
 * @param expiresAt   {@code exp}
 * @param jti         unique token id; a target accepts it once
 */
public record HandoverClaims(String aeId, String sourceCseId, String targetCseId, long epoch, String txid,
                             Instant issuedAt, Instant expiresAt, String jti) {

    public HandoverClaims {
        requireText(aeId, "aeId");
        requireText(sourceCseId, "sourceCseId");
        requireText(targetCseId, "targetCseId");
        requireText(txid, "txid");
        requireText(jti, "jti");
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must not be negative, was " + epoch);
        }
        if (issuedAt == null || expiresAt == null || !expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("exp must be after iat");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is mandatory");
        }
    }
}
