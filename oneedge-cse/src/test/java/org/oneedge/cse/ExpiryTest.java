package org.oneedge.cse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.event.ResourceEvent;
import org.oneedge.model.ResourceType;
import org.oneedge.model.ResponseStatusCode;
import org.oneedge.model.TimestampCodec;

class ExpiryTest {

    @Test
    void background_sweep_deletes_expired_resources_and_reports_them() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        List<ResourceEvent> events = new CopyOnWriteArrayList<>();
        try (TestCse t = TestCse.start(b -> b.clock(clock).listener(events::add)
                .config(CseConfig.defaults().withExpirySweepInterval(Duration.ofMillis(20))))) {
            t.registerAe("CAE1", "AE1");
            String et = TimestampCodec.format(clock.instant().plusSeconds(10));
            t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"short\",\"et\":\"" + et + "\"}}");
            t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"long\"}}");
            clock.advance(Duration.ofSeconds(11));
            assertThat(t.retrieve("cse-in/AE1/short").statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
            await().atMost(Duration.ofSeconds(5)).until(() -> t.store.getByPath("cse-in/AE1/short").isEmpty());
            assertThat(events).filteredOn(ResourceEvent.Deleted.class::isInstance).singleElement()
                    .satisfies(e -> {
                        ResourceEvent.Deleted d = (ResourceEvent.Deleted) e;
                        assertThat(d.resource().rn()).isEqualTo("short");
                        assertThat(d.cause()).isEqualTo(ResourceEvent.Cause.EXPIRED);
                        assertThat(d.originator()).isEqualTo("/id-in");
                    });
            assertThat(t.retrieve("cse-in/AE1/long").statusCode()).isEqualTo(ResponseStatusCode.OK);
        }
    }

    @Test
    void updating_the_expiration_time_keeps_a_resource_alive() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (TestCse t = TestCse.start(b -> b.clock(clock))) {
            t.registerAe("CAE1", "AE1");
            t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"c\",\"et\":\""
                    + TimestampCodec.format(clock.instant().plusSeconds(10)) + "\"}}");
            t.update("cse-in/AE1/c", "{\"m2m:cnt\":{\"et\":\"" + TimestampCodec.format(clock.instant().plusSeconds(100)) + "\"}}");
            clock.advance(Duration.ofSeconds(20));
            assertThat(t.cse.sweepExpired()).isZero();
            assertThat(t.retrieve("cse-in/AE1/c").statusCode()).isEqualTo(ResponseStatusCode.OK);
        }
    }
}
