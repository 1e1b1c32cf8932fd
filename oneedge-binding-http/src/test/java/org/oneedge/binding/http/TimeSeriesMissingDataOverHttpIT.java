package org.oneedge.binding.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.Cse;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.oneedge.model.TimestampCodec;

/**
 * Missing-data detection of a {@code <timeSeries>} over HTTP (digest §1.5, §6.2 net 8): {@code mdt} delays the
 * verdict "missing", {@code mdn} bounds {@code mdlt}, {@code mdc} counts, bad values are refused with nothing changed.
 */
class TimeSeriesMissingDataOverHttpIT {

    private static final String AE = "cse-in/meter";

    private final List<AutoCloseable> running = new ArrayList<>();
    private final AtomicLong rqi = new AtomicLong();
    private HttpCseClient http;

    @BeforeEach
    void startCse() {
        Cse cse = Cse.builder().build();
        cse.start();
        running.add(cse);
        HttpBindingServer server = new HttpBindingServer(HttpBindingConfig.loopbackAnyPort(), cse);
        server.start();
        running.add(server);
        http = new HttpCseClient(server.baseUrl());
        running.add(http);
        assertThat(http.send(Request.builder().operation(Operation.CREATE).to("cse-in").from("Cmeter")
                .releaseVersion("3").requestId("ae").resourceType(ResourceType.AE).content(ContentCodec.parse(
                        "{\"m2m:ae\":{\"rn\":\"meter\",\"api\":\"Nmeter\",\"rr\":true,\"srv\":[\"3\"]}}"))
                .build()).statusCode()).isEqualTo(ResponseStatusCode.CREATED);
    }

    @AfterEach
    void stopAll() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void mdt_makes_the_cse_wait_longer_before_a_point_counts_as_missing() {
        createSeries("eager", ",\"pei\":100,\"peid\":0,\"mdd\":true");
        createSeries("patient", ",\"pei\":100,\"peid\":0,\"mdd\":true,\"mdt\":600000");
        Instant now = Instant.now();
        createInstance("eager", now);
        createInstance("patient", now);

        await().atMost(Duration.ofSeconds(10)).until(() -> series("eager").path("mdc").asInt() >= 3);
        assertThat(series("patient").path("mdc").asInt()).isZero();
        assertThat(series("patient").path("mdlt")).isEmpty();

        Response shorter = send(Operation.UPDATE, AE + "/patient", null, "{\"m2m:ts\":{\"mdt\":0}}");
        assertThat(shorter.statusCode()).isEqualTo(ResponseStatusCode.UPDATED);
        await().atMost(Duration.ofSeconds(10)).until(() -> series("patient").path("mdc").asInt() >= 1);
        assertThat(series("patient").path("mdlt").get(0).asText())
                .isEqualTo(TimestampCodec.format(TimestampCodec.parse(TimestampCodec.format(now)).plusMillis(100)));
    }

    @Test
    void lowering_mdn_trims_mdlt_while_mdc_keeps_counting() {
        createSeries("ts", ",\"pei\":50,\"peid\":0,\"mdd\":true,\"mdn\":10");
        createInstance("ts", Instant.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> series("ts").path("mdlt").size() >= 3);

        assertThat(send(Operation.UPDATE, AE + "/ts", null, "{\"m2m:ts\":{\"mdn\":1}}").statusCode())
                .isEqualTo(ResponseStatusCode.UPDATED);
        JsonNode after = series("ts");
        assertThat(after.path("mdlt").size()).isLessThanOrEqualTo(1);
        assertThat(after.path("mdc").asInt()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void refuses_a_bad_mdt_and_a_written_mdc_and_changes_nothing() {
        createSeries("ts", ",\"pei\":1000,\"mdd\":true,\"mdt\":500");

        Response negative = send(Operation.UPDATE, AE + "/ts", null, "{\"m2m:ts\":{\"mdt\":-1}}");
        assertThat(negative.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(negative.content().path("m2m:dbg").asText()).contains("mdt");
        Response text = send(Operation.UPDATE, AE + "/ts", null, "{\"m2m:ts\":{\"mdt\":\"soon\"}}");
        assertThat(text.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(text.content().path("m2m:dbg").asText()).contains("mdt");
        Response readOnly = send(Operation.UPDATE, AE + "/ts", null, "{\"m2m:ts\":{\"mdc\":7}}");
        assertThat(readOnly.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(readOnly.content().path("m2m:dbg").asText()).contains("mdc");

        JsonNode ts = series("ts");
        assertThat(ts.path("mdt").asInt()).isEqualTo(500);
        assertThat(ts.path("mdc").asInt()).isZero();
        assertThat(ts.path("st").asInt()).isZero();
    }

    private void createSeries(String rn, String attributes) {
        Response created = send(Operation.CREATE, AE, ResourceType.TIME_SERIES,
                "{\"m2m:ts\":{\"rn\":\"" + rn + "\"" + attributes + "}}");
        assertThat(created.statusCode()).as(String.valueOf(created.content())).isEqualTo(ResponseStatusCode.CREATED);
    }

    private void createInstance(String series, Instant dgt) {
        Response created = send(Operation.CREATE, AE + "/" + series, ResourceType.TIME_SERIES_INSTANCE,
                "{\"m2m:tsi\":{\"dgt\":\"" + TimestampCodec.format(dgt) + "\",\"con\":\"1\"}}");
        assertThat(created.statusCode()).as(String.valueOf(created.content())).isEqualTo(ResponseStatusCode.CREATED);
    }

    private JsonNode series(String rn) {
        return send(Operation.RETRIEVE, AE + "/" + rn, null, null).content().path("m2m:ts");
    }

    private Response send(Operation op, String to, ResourceType ty, String json) {
        Request.Builder r = Request.builder().operation(op).to(to).from("CAdmin").releaseVersion("3")
                .requestId("rq" + rqi.incrementAndGet());
        if (ty != null) {
            r.resourceType(ty);
        }
        if (json != null) {
            r.content(ContentCodec.parse(json));
        }
        return http.send(r.build());
    }
}
