package org.oneedge.cse.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

class SubscriptionExpiryTest {

    @Test
    void an_expired_subscription_sends_the_deletion_notification_to_its_subscriber() {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
        try (TestNode node = TestNode.start(clock)) {
            node.registerAe("Cae1", "AE1", "http://ae1.test/n");
            Response sub = node.create("cse-in/AE1", "Cae1", ResourceType.SUBSCRIPTION,
                    "{\"m2m:sub\":{\"rn\":\"sub\",\"nu\":[\"Cae1\"],\"su\":\"Cae1\",\"et\":\"20260301T120010\"}}");
            assertThat(sub.statusCode()).isEqualTo(ResponseStatusCode.CREATED);

            clock.advance(Duration.ofSeconds(20));
            node.cse.sweepExpired();

            await().until(() -> node.sender.to("http://ae1.test/n").size() == 1);
            assertThat(node.sender.to("http://ae1.test/n").getFirst().content().at("/m2m:sgn/sud").asBoolean())
                    .isTrue();
            assertThat(node.retrieve("cse-in/AE1/sub", TestNode.ADMIN).statusCode())
                    .isEqualTo(ResponseStatusCode.NOT_FOUND);
        }
    }
}
