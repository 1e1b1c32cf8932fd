package org.oneedge.handover.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.oneedge.handover.MutableClock;

class HandoverTokenTest {

    private final KeyPair coordinator = HandoverTokenIssuer.generateKeyPair();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final HandoverTokenIssuer issuer =
            new HandoverTokenIssuer(coordinator.getPrivate(), clock, Duration.ofSeconds(30));
    private final HandoverTokenVerifier target = new HandoverTokenVerifier(coordinator.getPublic(), "/id-mn2", clock);

    private String token() {
        return issuer.issue("Cdevice1", "/id-mn1", "/id-mn2", 7, "tx-1");
    }

    private TokenRefusal refusal(TokenVerification v) {
        assertThat(v).isInstanceOf(TokenVerification.Refused.class);
        return ((TokenVerification.Refused) v).reason();
    }

    @Test
    void accepts_a_fresh_token_for_this_target_and_ae_and_reads_its_claims() {
        TokenVerification v = target.verify(token(), "Cdevice1", 7);

        assertThat(v).isInstanceOf(TokenVerification.Accepted.class);
        HandoverClaims claims = ((TokenVerification.Accepted) v).claims();
        assertThat(claims.sourceCseId()).isEqualTo("/id-mn1");
        assertThat(claims.txid()).isEqualTo("tx-1");
        assertThat(claims.expiresAt()).isEqualTo(clock.instant().plusSeconds(30));
    }

    @Test
    void header_is_eddsa_jwt() {
        String header = token().split("\\.")[0];
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(header)))
                .isEqualTo("{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}");
    }

    @Test
    void refuses_a_token_signed_by_another_key() {
        HandoverTokenIssuer impostor = new HandoverTokenIssuer(HandoverTokenIssuer.generateKeyPair().getPrivate(),
                clock, Duration.ofSeconds(30));
        assertThat(refusal(target.verify(impostor.issue("Cdevice1", "/id-mn1", "/id-mn2", 7, "tx-1"), "Cdevice1", 7)))
                .isEqualTo(TokenRefusal.FORGED);
    }

    @Test
    void refuses_a_token_whose_payload_was_swapped() {
        String genuine = token();
        String other = issuer.issue("Cdevice1", "/id-mn1", "/id-mn2", 8, "tx-1");
        String[] g = genuine.split("\\.");
        String[] o = other.split("\\.");
        assertThat(refusal(target.verify(g[0] + "." + o[1] + "." + g[2], "Cdevice1", 8)))
                .isEqualTo(TokenRefusal.FORGED);
    }

    @Test
    void refuses_garbage_as_malformed() {
        assertThat(refusal(target.verify("not-a-token", "Cdevice1", 7))).isEqualTo(TokenRefusal.MALFORMED);
        assertThat(refusal(target.verify(token() + "=", "Cdevice1", 7))).isEqualTo(TokenRefusal.MALFORMED);
    }

    @Test
    void refuses_an_expired_token() {
        String token = token();
        clock.advance(Duration.ofSeconds(60));
        assertThat(refusal(target.verify(token, "Cdevice1", 7))).isEqualTo(TokenRefusal.EXPIRED);
    }

    @Test
    void refuses_a_token_for_another_target() {
        HandoverTokenVerifier otherCse = new HandoverTokenVerifier(coordinator.getPublic(), "/id-mn3", clock);
        assertThat(refusal(otherCse.verify(token(), "Cdevice1", 7))).isEqualTo(TokenRefusal.WRONG_TARGET);
    }

    @Test
    void refuses_a_token_presented_for_another_ae() {
        assertThat(refusal(target.verify(token(), "Cintruder", 7))).isEqualTo(TokenRefusal.WRONG_AE);
    }

    @Test
    void refuses_a_token_whose_epoch_is_stale() {
        assertThat(refusal(target.verify(token(), "Cdevice1", 8))).isEqualTo(TokenRefusal.STALE_EPOCH);
    }

    @Test
    void refuses_a_replayed_token() {
        String token = token();
        assertThat(target.verify(token, "Cdevice1", 7).accepted()).isTrue();
        assertThat(refusal(target.verify(token, "Cdevice1", 7))).isEqualTo(TokenRefusal.REPLAYED);
    }

    @Test
    void replay_memory_stays_bounded_and_refuses_what_it_can_no_longer_vouch_for() {
        HandoverTokenVerifier small = new HandoverTokenVerifier(coordinator.getPublic(), "/id-mn2", clock,
                Duration.ZERO, 2);
        String first = token();
        assertThat(small.verify(first, "Cdevice1", 7).accepted()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(small.verify(token(), "Cdevice1", 7).accepted()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(small.verify(token(), "Cdevice1", 7).accepted()).isTrue();

        assertThat(refusal(small.verify(first, "Cdevice1", 7))).isEqualTo(TokenRefusal.REPLAYED);
    }

    @Test
    void forgets_spent_tokens_once_they_expire() {
        ReplayWindow window = new ReplayWindow(10);
        Instant now = clock.instant();
        window.firstUse("a", now.plusSeconds(5), now);
        window.firstUse("b", now.plusSeconds(50), now);
        window.firstUse("c", now.plusSeconds(50), now.plusSeconds(10));
        assertThat(window.size()).isEqualTo(2);
    }
}
