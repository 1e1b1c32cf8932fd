package org.oneedge.handover.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.oneedge.handover.MutableClock;

class HandoverTokenProperties {

    private static final KeyPair KEYS = HandoverTokenIssuer.generateKeyPair();

    @Property(tries = 300)
    void any_single_byte_change_makes_verification_fail(@ForAll @IntRange(min = 0, max = 10_000) int position,
                                                        @ForAll @IntRange(min = 1, max = 255) int xor) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
        HandoverTokenIssuer issuer = new HandoverTokenIssuer(KEYS.getPrivate(), clock, Duration.ofSeconds(30));
        HandoverTokenVerifier verifier = new HandoverTokenVerifier(KEYS.getPublic(), "/id-mn2", clock);
        byte[] bytes = issuer.issue("Cdevice1", "/id-mn1", "/id-mn2", 3, "tx-9").getBytes(StandardCharsets.US_ASCII);
        int at = position % bytes.length;
        bytes[at] = (byte) (bytes[at] ^ xor);

        String changed = new String(bytes, StandardCharsets.ISO_8859_1);

        assertThat(verifier.verify(changed, "Cdevice1", 3).accepted()).isFalse();
    }
}
