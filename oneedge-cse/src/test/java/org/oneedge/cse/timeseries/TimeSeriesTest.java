package org.oneedge.cse.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.subscription.TestNode;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.oneedge.model.TimestampCodec;

/** timeSeries and timeSeriesInstance (TS-0004 7.4.33–7.4.35) and missing-data detection with net 8, via {@code Cse.send}. */
class TimeSeriesTest {

    private static final String ADMIN = TestNode.ADMIN;
    private static final String AE = "cse-in/AE1";
    private TestNode node;

    @BeforeEach
    void givenAnAe() {
        node = TestNode.start();
        assertThat(node.registerAe("Cae1", "AE1", "http://ae1.example/notify").statusCode())
                .isEqualTo(ResponseStatusCode.CREATED);
    }

    @AfterEach
    void tearDown() {
        node.close();
    }

    private Response createSeries(String attributes) {
        return node.create(AE, "Cae1", ResourceType.TIME_SERIES, "{\"m2m:ts\":{\"rn\":\"ts\"" + attributes + "}}");
    }

    private Response createInstance(Instant dgt, String con) {
        return node.create(AE + "/ts", "Cae1", ResourceType.TIME_SERIES_INSTANCE,
                "{\"m2m:tsi\":{\"dgt\":\"" + TimestampCodec.format(dgt) + "\",\"con\":\"" + con + "\"}}");
    }

    private JsonNode series() {
        return node.retrieve(AE + "/ts", ADMIN).content().get("m2m:ts");
    }

    @Test
    void stores_instances_within_mni_with_counters_and_latest() {
        createSeries(",\"mni\":2");
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 3; i++) {
            assertThat(createInstance(t.plusSeconds(i), "v" + i).statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        }

        assertThat(series().get("cni").asInt()).isEqualTo(2);
        assertThat(series().get("cbs").asInt()).isEqualTo(4);
        JsonNode latest = node.retrieve(AE + "/ts/la", ADMIN).content().get("m2m:tsi");
        assertThat(latest.get("con").asText()).isEqualTo("v2");
        assertThat(latest.get("cs").asInt()).isEqualTo(2);
        assertThat(node.retrieve(AE + "/ts/ol", ADMIN).content().get("m2m:tsi").get("con").asText()).isEqualTo("v1");
    }

    @Test
    void refuses_a_second_instance_with_the_same_generation_time() {
        createSeries("");
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        createInstance(t, "a");

        Response r = createInstance(t, "b");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(r.debugMessage()).contains("dgt");
        assertThat(series().get("cni").asInt()).isEqualTo(1);
    }

    @Test
    void refuses_duplicates_also_of_older_points_after_newer_ones() {
        createSeries("");
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        createInstance(t.plusSeconds(10), "new");
        assertThat(createInstance(t, "old").statusCode()).isEqualTo(ResponseStatusCode.CREATED);

        assertThat(createInstance(t, "again").statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(createInstance(t.plusSeconds(10), "again").statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(createInstance(t.plusSeconds(5), "between").statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(series().get("cni").asInt()).isEqualTo(3);
    }

    @Test
    void refuses_an_instance_without_dgt_and_updates_of_instances() {
        createSeries("");
        Response missing = node.create(AE + "/ts", "Cae1", ResourceType.TIME_SERIES_INSTANCE,
                "{\"m2m:tsi\":{\"con\":\"x\"}}");
        createInstance(Instant.parse("2026-01-01T00:00:00Z"), "a");
        Response update = node.update(AE + "/ts/la", ADMIN, "{\"m2m:tsi\":{\"con\":\"y\"}}");

        assertThat(missing.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(missing.debugMessage()).contains("dgt");
        assertThat(update.statusCode()).isEqualTo(ResponseStatusCode.OPERATION_NOT_ALLOWED);
    }

    @Test
    void refuses_bad_series_attributes_and_read_only_ones() {
        Response noPeriod = createSeries(",\"mdd\":true");
        Response readOnly = createSeries(",\"mdc\":3");
        Response wrongType = createSeries(",\"pei\":\"often\"");

        assertThat(noPeriod.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(noPeriod.debugMessage()).contains("pei");
        assertThat(readOnly.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(readOnly.debugMessage()).contains("mdc");
        assertThat(wrongType.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(node.retrieve(AE + "/ts", ADMIN).statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
    }

    @Test
    void refuses_net_8_without_md_and_md_on_a_container() {
        createSeries("");
        node.create(AE, "Cae1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"cnt\"}}");

        Response noMd = node.create(AE + "/ts", "Cae1", ResourceType.SUBSCRIPTION,
                "{\"m2m:sub\":{\"nu\":[\"Cae1\"],\"enc\":{\"net\":[8]}}}");
        Response onContainer = node.create(AE + "/cnt", "Cae1", ResourceType.SUBSCRIPTION,
                "{\"m2m:sub\":{\"nu\":[\"Cae1\"],\"enc\":{\"net\":[8],\"md\":{\"num\":1}}}}");

        assertThat(noMd.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(noMd.debugMessage()).contains("md");
        assertThat(onContainer.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(onContainer.debugMessage()).contains("timeSeries");
    }

    @Test
    void detects_missing_data_points_and_notifies_net_8_subscribers() {
        assertThat(createSeries(",\"pei\":200,\"peid\":50,\"mdd\":true,\"mdn\":3").statusCode())
                .isEqualTo(ResponseStatusCode.CREATED);
        Response sub = node.create(AE + "/ts", "Cae1", ResourceType.SUBSCRIPTION,
                "{\"m2m:sub\":{\"rn\":\"md\",\"nu\":[\"Cae1\"],\"enc\":{\"net\":[8],\"md\":{\"num\":2}}}}");
        assertThat(sub.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(sub.content().get("m2m:sub").get("nct").asInt()).isEqualTo(5);

        createInstance(Instant.now(), "first");

        await().atMost(Duration.ofSeconds(10)).until(() -> series().get("mdc").asInt() >= 4);
        assertThat(series().get("mdlt").size()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> !node.sender.notificationsTo("http://ae1").isEmpty());
        Request notification = node.sender.notificationsTo("http://ae1").getFirst();
        JsonNode nev = notification.content().get("m2m:sgn").get("nev");
        assertThat(nev.get("net").asInt()).isEqualTo(8);
        assertThat(nev.get("rep").get("m2m:tsn").get("mdc").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(nev.get("rep").get("m2m:tsn").get("mdlt").isArray()).isTrue();
    }

    @Test
    void a_point_arriving_in_time_is_not_missing() {
        createSeries(",\"pei\":60000,\"peid\":1000,\"mdd\":true");
        Instant start = Instant.now();
        createInstance(start, "a");
        createInstance(start.plusSeconds(60), "b");

        assertThat(series().get("mdc").asInt()).isZero();
        assertThat(series().get("mdlt")).isEmpty();
    }
}
