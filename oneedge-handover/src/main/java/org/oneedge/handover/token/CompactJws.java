package org.oneedge.handover.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The JWS compact serialisation (RFC 7515 3.1) of handover claims as a JWT (RFC 7519) signed with EdDSA/Ed25519
 * (RFC 8037): {@code base64url(header).base64url(payload).base64url(signature)}. Decoding is strict: each part must
 * be canonical base64url without padding, so no two strings decode to the same token.
 */
final class CompactJws {

    static final String HEADER_JSON = "{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private CompactJws() {
    }

    /** The three parts of a token as received, decoded. */
    record Parts(String signingInput, byte[] header, byte[] payload, byte[] signature) {
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    static String signingInput(HandoverClaims claims) {
        return encode(HEADER_JSON.getBytes(StandardCharsets.UTF_8)) + "." + encode(payload(claims));
    }

    static byte[] payload(HandoverClaims claims) {
        ObjectNode p = JSON.createObjectNode();
        p.put("aei", claims.aeId());
        p.put("src", claims.sourceCseId());
        p.put("tgt", claims.targetCseId());
        p.put("epoch", claims.epoch());
        p.put("txid", claims.txid());
        p.put("iat", claims.issuedAt().getEpochSecond());
        p.put("exp", claims.expiresAt().getEpochSecond());
        p.put("jti", claims.jti());
        try {
            return JSON.writeValueAsBytes(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Splits and decodes a token; empty when it is not three canonical base64url parts. */
    static Optional<Parts> split(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first < 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
            return Optional.empty();
        }
        Optional<byte[]> header = decode(token.substring(0, first));
        Optional<byte[]> payload = decode(token.substring(first + 1, second));
        Optional<byte[]> signature = decode(token.substring(second + 1));
        if (header.isEmpty() || payload.isEmpty() || signature.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Parts(token.substring(0, second), header.get(), payload.get(), signature.get()));
    }

    private static Optional<byte[]> decode(String part) {
        try {
            byte[] bytes = DECODER.decode(part);
            // canonical form only: rejects padding and non-zero trailing bits
            return encode(bytes).equals(part) ? Optional.of(bytes) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Reads the claims from a decoded payload; empty when a claim is missing or of the wrong type. */
    static Optional<HandoverClaims> claims(byte[] header, byte[] payload) {
        try {
            JsonNode h = JSON.readTree(header);
            if (h == null || !h.path("alg").asText().equals("EdDSA")) {
                return Optional.empty();
            }
            JsonNode p = JSON.readTree(payload);
            if (p == null || !p.isObject()) {
                return Optional.empty();
            }
            for (String name : new String[] {"epoch", "iat", "exp"}) {
                if (!p.path(name).isIntegralNumber()) {
                    return Optional.empty();
                }
            }
            return Optional.of(new HandoverClaims(p.path("aei").asText(null), p.path("src").asText(null),
                    p.path("tgt").asText(null), p.path("epoch").asLong(), p.path("txid").asText(null),
                    Instant.ofEpochSecond(p.path("iat").asLong()), Instant.ofEpochSecond(p.path("exp").asLong()),
                    p.path("jti").asText(null)));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
