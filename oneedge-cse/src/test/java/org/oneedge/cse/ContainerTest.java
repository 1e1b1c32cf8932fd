package org.oneedge.cse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.oneedge.model.TimestampCodec;

class ContainerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final TestCse t = TestCse.start(b -> b.clock(clock));

    @AfterEach
    void close() {
        t.close();
    }

    private void container(String attributes) {
        t.registerAe("CAE1", "AE1");
        Response r = t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER,
                "{\"m2m:cnt\":{\"rn\":\"cnt\"" + (attributes.isEmpty() ? "" : "," + attributes) + "}}");
        assertThat(r.statusCode()).as(r.debugMessage()).isEqualTo(ResponseStatusCode.CREATED);
    }

    private Response add(String con) {
        return t.create("cse-in/AE1/cnt", "CAE1", ResourceType.CONTENT_INSTANCE,
                "{\"m2m:cin\":{\"con\":\"" + con + "\",\"cnf\":\"text/plain:0\"}}");
    }

    private long attr(String name) {
        return t.retrieve("cse-in/AE1/cnt").content().at("/m2m:cnt/" + name).asLong();
    }

    @Test
    void new_container_starts_with_zero_counters() {
        container("");
        assertThat(attr("cni")).isZero();
        assertThat(attr("cbs")).isZero();
        assertThat(attr("st")).isZero();
    }

    @Test
    void content_instance_gets_size_state_tag_and_updates_the_container() {
        container("");
        Response cin = add("héllo");
        assertThat(cin.content().at("/m2m:cin/cs").asInt()).isEqualTo(6);
        assertThat(cin.content().at("/m2m:cin/st").asInt()).isEqualTo(1);
        add("abc");
        assertThat(attr("cni")).isEqualTo(2);
        assertThat(attr("cbs")).isEqualTo(9);
        assertThat(attr("st")).isEqualTo(2);
    }

    @Test
    void oldest_instances_make_room_under_max_number_of_instances() {
        container("\"mni\":2");
        add("a");
        add("b");
        add("c");
        assertThat(attr("cni")).isEqualTo(2);
        assertThat(t.retrieve("cse-in/AE1/cnt/ol").content().at("/m2m:cin/con").asText()).isEqualTo("b");
        assertThat(t.retrieve("cse-in/AE1/cnt/la").content().at("/m2m:cin/con").asText()).isEqualTo("c");
    }

    @Test
    void oldest_instances_make_room_under_max_byte_size() {
        container("\"mbs\":10");
        add("1234");
        add("5678");
        add("abcdef");
        assertThat(attr("cni")).isEqualTo(2);
        assertThat(attr("cbs")).isEqualTo(10);
        assertThat(t.retrieve("cse-in/AE1/cnt/ol").content().at("/m2m:cin/con").asText()).isEqualTo("5678");
    }

    @Test
    void lowering_max_number_of_instances_removes_the_oldest_at_once() {
        container("");
        add("a");
        add("b");
        add("c");
        Response r = t.update("cse-in/AE1/cnt", "{\"m2m:cnt\":{\"mni\":1}}");
        assertThat(r.content().at("/m2m:cnt/cni").asInt()).isEqualTo(1);
        assertThat(r.content().at("/m2m:cnt/st").asInt()).isEqualTo(4);
        assertThat(t.retrieve("cse-in/AE1/cnt/ol").content().at("/m2m:cin/con").asText()).isEqualTo("c");
    }

    @Test
    void max_instance_age_bounds_the_expiration_time() {
        container("\"mia\":60");
        Response cin = add("x");
        Instant ct = TimestampCodec.parse(cin.content().at("/m2m:cin/ct").asText());
        assertThat(TimestampCodec.parse(cin.content().at("/m2m:cin/et").asText())).isEqualTo(ct.plusSeconds(60));
        clock.advance(Duration.ofSeconds(61));
        assertThat(t.retrieve("cse-in/AE1/cnt/la").statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
        assertThat(t.cse.sweepExpired()).isEqualTo(1);
        assertThat(attr("cni")).isZero();
        assertThat(attr("cbs")).isZero();
    }

    @Test
    void latest_and_oldest_are_not_found_in_an_empty_container() {
        container("");
        Response r = t.retrieve("cse-in/AE1/cnt/la");
        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
        assertThat(r.debugMessage()).contains("holds no cin");
        assertThat(t.delete("cse-in/AE1/cnt/ol").statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
    }

    @Test
    void deleting_latest_removes_the_newest_instance_and_corrects_the_counters() {
        container("");
        add("a");
        add("bb");
        assertThat(t.delete("cse-in/AE1/cnt/la").statusCode()).isEqualTo(ResponseStatusCode.DELETED);
        assertThat(attr("cni")).isEqualTo(1);
        assertThat(attr("cbs")).isEqualTo(1);
        assertThat(t.retrieve("cse-in/AE1/cnt/la").content().at("/m2m:cin/con").asText()).isEqualTo("a");
    }

    @Test
    void containers_nest_and_deleting_one_removes_its_instances() {
        container("");
        t.create("cse-in/AE1/cnt", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"inner\"}}");
        t.create("cse-in/AE1/cnt/inner", "CAE1", ResourceType.CONTENT_INSTANCE, "{\"m2m:cin\":{\"con\":\"x\"}}");
        assertThat(t.retrieve("cse-in/AE1/cnt/inner/la").statusCode()).isEqualTo(ResponseStatusCode.OK);
        assertThat(t.delete("cse-in/AE1/cnt/inner").statusCode()).isEqualTo(ResponseStatusCode.DELETED);
        assertThat(t.retrieve("cse-in/AE1/cnt/inner/la").statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
        assertThat(attr("cni")).isZero();
    }

    @Test
    void creator_is_recorded_when_asked_with_null() {
        t.registerAe("CAE1", "AE1");
        Response r = t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"cr\":null}}");
        assertThat(r.content().at("/m2m:cnt/cr").asText()).isEqualTo("CAE1");
    }

    @Test
    void generated_names_and_ids_follow_the_type() {
        t.registerAe("CAE1", "AE1");
        Response r = t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{}}");
        assertThat(r.content().at("/m2m:cnt/rn").asText()).matches("cnt_[A-Za-z0-9]{10}");
        assertThat(r.content().at("/m2m:cnt/ri").asText()).matches("cnt\\d{12}");
        assertThat(r.contentLocation()).isNull(); // only with rcn 2/3 (digest §2.2)
    }

    @Test
    void default_expiration_is_now_plus_the_maximum_and_later_values_are_clamped() {
        t.registerAe("CAE1", "AE1");
        Response r = t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER,
                "{\"m2m:cnt\":{\"et\":\"99991231T000000\"}}");
        Instant ct = TimestampCodec.parse(r.content().at("/m2m:cnt/ct").asText());
        assertThat(TimestampCodec.parse(r.content().at("/m2m:cnt/et").asText()))
                .isEqualTo(ct.plus(t.cse.config().maxExpirationDelta()));
    }

    @Test
    void creation_times_strictly_increase_even_with_a_frozen_clock() {
        container("");
        String first = add("a").content().at("/m2m:cin/ct").asText();
        String second = add("b").content().at("/m2m:cin/ct").asText();
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void disabled_retrieval_refuses_reading_and_deleting_instances() {
        container("\"disr\":true");
        String ri = add("x").content().at("/m2m:cin/ri").asText();
        Response la = t.retrieve("cse-in/AE1/cnt/la");
        assertThat(la.statusCode()).isEqualTo(ResponseStatusCode.OPERATION_NOT_ALLOWED);
        assertThat(la.debugMessage()).contains("disableRetrieval");
        assertThat(t.retrieve(ri).statusCode()).isEqualTo(ResponseStatusCode.OPERATION_NOT_ALLOWED);
        assertThat(t.delete("cse-in/AE1/cnt/ol").statusCode()).isEqualTo(ResponseStatusCode.OPERATION_NOT_ALLOWED);
        t.update("cse-in/AE1/cnt", "{\"m2m:cnt\":{\"disr\":false}}");
        assertThat(t.retrieve(ri).statusCode()).isEqualTo(ResponseStatusCode.OK);
    }
}
