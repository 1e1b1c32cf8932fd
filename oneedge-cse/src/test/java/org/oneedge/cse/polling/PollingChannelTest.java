package org.oneedge.cse.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.Cse;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/** pollingChannel and pcu long polling (digest §8.3) in process: queueing, order, answers, redelivery, refusals. */
class PollingChannelTest {

    private static final String AE = "cse-in/AE1";
    private static final String PCU = AE + "/pch/pcu";
    private Cse cse;
    private int rqi;

    @BeforeEach
    void givenAnAeWithRequestReachabilityFalseAndAPollingChannel() {
        cse = Cse.builder().config(CseConfig.defaults()).store(new InMemoryResourceStore())
                .extension(new PollingChannelExtension(PollingChannelSettings.defaults()
                        .withPollTimeout(Duration.ofMillis(300)).withResponseTimeout(Duration.ofSeconds(5))))
                .build();
        cse.start();
        assertThat(send(create("cse-in", "Cae1", ResourceType.AE,
                "{\"m2m:ae\":{\"rn\":\"AE1\",\"api\":\"Nmy.app\",\"rr\":false,\"srv\":[\"3\"]}}")).statusCode())
                .isEqualTo(ResponseStatusCode.CREATED);
        assertThat(send(create(AE, "Cae1", ResourceType.POLLING_CHANNEL, "{\"m2m:pch\":{\"rn\":\"pch\"}}"))
                .statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(send(create(AE, "Cae1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"cnt\"}}")).statusCode())
                .isEqualTo(ResponseStatusCode.CREATED);
        assertThat(send(create(AE + "/cnt", "Cae1", ResourceType.SUBSCRIPTION,
                "{\"m2m:sub\":{\"rn\":\"sub\",\"nu\":[\"Cae1\"],\"enc\":{\"net\":[3]}}}")).statusCode())
                .isEqualTo(ResponseStatusCode.CREATED);
    }

    @AfterEach
    void tearDown() {
        cse.close();
    }

    private Request.Builder request(Operation op, String to, String from) {
        return Request.builder().operation(op).to(to).from(from).releaseVersion("3").requestId("rq" + (++rqi));
    }

    private Request.Builder create(String parent, String from, ResourceType type, String json) {
        return request(Operation.CREATE, parent, from).resourceType(type).content(ContentCodec.parse(json));
    }

    private Response send(Request.Builder request) {
        return cse.send(request.build());
    }

    private void addInstance(String con) {
        assertThat(send(create(AE + "/cnt", "Cae1", ResourceType.CONTENT_INSTANCE,
                "{\"m2m:cin\":{\"con\":\"" + con + "\"}}")).statusCode()).isEqualTo(ResponseStatusCode.CREATED);
    }

    private Response poll() {
        return send(request(Operation.RETRIEVE, PCU, "Cae1"));
    }

    /** Polls until a message comes (polls time out after 300 ms). */
    private JsonNode nextMessage() {
        Response[] got = new Response[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            got[0] = poll();
            return got[0].statusCode() == ResponseStatusCode.OK;
        });
        return got[0].content().get("m2m:rqp");
    }

    private void answer(JsonNode rqp) {
        Response r = send(request(Operation.NOTIFY, PCU, "Cae1").content(ContentCodec.parse(
                "{\"m2m:rsp\":{\"rsc\":2000,\"rqi\":\"" + rqp.get("rqi").asText() + "\"}}")));
        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.OK);
    }

    private static String con(JsonNode rqp) {
        return rqp.get("pc").get("m2m:sgn").get("nev").get("rep").get("m2m:cin").get("con").asText();
    }

    @Test
    void queues_notifications_for_the_ae_and_hands_them_out_in_order() {
        addInstance("one");
        addInstance("two");

        JsonNode first = nextMessage();
        answer(first);
        JsonNode second = nextMessage();
        answer(second);

        assertThat(first.get("op").asInt()).isEqualTo(5);
        assertThat(first.get("to").asText()).isEqualTo("Cae1");
        assertThat(con(first)).isEqualTo("one");
        assertThat(con(second)).isEqualTo("two");
        assertThat(poll().statusCode()).isEqualTo(ResponseStatusCode.REQUEST_TIMEOUT);
    }

    @Test
    void a_parked_poll_returns_as_soon_as_a_message_arrives() {
        CompletableFuture<Response> parked = CompletableFuture.supplyAsync(() -> send(
                request(Operation.RETRIEVE, PCU, "Cae1").requestExpirationTimestamp("5000")));
        await().pollDelay(Duration.ofMillis(50)).until(() -> true);

        addInstance("late");

        Response r = parked.join();
        if (r.statusCode() == ResponseStatusCode.OK) {
            assertThat(con(r.content().get("m2m:rqp"))).isEqualTo("late");
        } else { // the poll timed out before the instance came: the message waits for the next one
            assertThat(con(nextMessage())).isEqualTo("late");
        }
    }

    @Test
    void an_unanswered_message_is_delivered_again_with_the_same_rqi_and_an_answered_one_is_not() {
        addInstance("once");
        JsonNode lost = nextMessage(); // handed out, but say the connection dropped: no answer

        JsonNode again = nextMessage();
        answer(again);

        assertThat(again.get("rqi").asText()).isEqualTo(lost.get("rqi").asText());
        assertThat(con(again)).isEqualTo("once");
        await().pollDelay(Duration.ofMillis(400)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(poll().statusCode()).isEqualTo(ResponseStatusCode.REQUEST_TIMEOUT);
    }

    @Test
    void with_latest_notify_only_the_newest_waiting_notification_is_kept() {
        assertThat(send(request(Operation.UPDATE, AE + "/cnt/sub", "Cae1")
                .content(ContentCodec.parse("{\"m2m:sub\":{\"ln\":true}}"))).statusCode())
                .isEqualTo(ResponseStatusCode.UPDATED);
        addInstance("old");
        addInstance("new");
        await().pollDelay(Duration.ofMillis(200)).until(() -> true); // both notifications reach the queue

        JsonNode only = nextMessage();
        answer(only);

        assertThat(con(only)).isEqualTo("new");
        assertThat(poll().statusCode()).isEqualTo(ResponseStatusCode.REQUEST_TIMEOUT);
    }

    @Test
    void times_out_with_4008_when_nothing_is_queued() {
        Response r = poll();

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.REQUEST_TIMEOUT);
        assertThat(r.debugMessage()).contains("poll again");
    }

    @Test
    void only_the_owner_may_poll_or_create_the_channel_and_only_one_exists() {
        send(create("cse-in", "Cae2", ResourceType.AE,
                "{\"m2m:ae\":{\"rn\":\"AE2\",\"api\":\"Nmy.app\",\"rr\":false,\"srv\":[\"3\"]}}"));

        Response foreignPoll = send(request(Operation.RETRIEVE, PCU, "Cae2"));
        Response foreignCreate = send(create(AE, "Cae2", ResourceType.POLLING_CHANNEL, "{\"m2m:pch\":{}}"));
        Response second = send(create(AE, "Cae1", ResourceType.POLLING_CHANNEL, "{\"m2m:pch\":{\"rn\":\"pch2\"}}"));

        assertThat(foreignPoll.statusCode()).isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
        assertThat(foreignCreate.statusCode()).isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
        assertThat(second.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(second.debugMessage()).contains("already has a pollingChannel");
    }

    @Test
    void refuses_changes_to_pcu_and_answers_without_m2m_rsp() {
        Response update = send(request(Operation.UPDATE, PCU, "Cae1").content(ContentCodec.parse("{\"m2m:pch\":{}}")));
        Response delete = send(request(Operation.DELETE, PCU, "Cae1"));
        Response badAnswer = send(request(Operation.NOTIFY, PCU, "Cae1").content(ContentCodec.parse("{\"x\":1}")));

        assertThat(update.statusCode()).isEqualTo(ResponseStatusCode.OPERATION_NOT_ALLOWED);
        assertThat(delete.statusCode()).isEqualTo(ResponseStatusCode.OPERATION_NOT_ALLOWED);
        assertThat(badAnswer.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(badAnswer.debugMessage()).contains("m2m:rsp");
        assertThat(send(request(Operation.RETRIEVE, AE + "/pch", "Cae1")).statusCode())
                .isEqualTo(ResponseStatusCode.OK);
    }

    @Test
    void a_notify_to_the_ae_waits_for_and_returns_the_aes_own_answer() {
        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() -> send(
                request(Operation.NOTIFY, AE, "Cother").content(ContentCodec.parse("{\"m2m:sgn\":{\"vrq\":true}}"))));

        JsonNode rqp = nextMessage();
        Response posted = send(request(Operation.NOTIFY, PCU, "Cae1").content(ContentCodec.parse(
                "{\"m2m:rsp\":{\"rsc\":4103,\"rqi\":\"" + rqp.get("rqi").asText() + "\",\"pc\":{\"m2m:dbg\":\"no\"}}}")));

        Response answer = waiting.join();
        assertThat(posted.statusCode()).isEqualTo(ResponseStatusCode.OK);
        assertThat(rqp.get("fr").asText()).isEqualTo("Cother");
        assertThat(answer.statusCode()).isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
        assertThat(answer.content().get("m2m:dbg").asText()).isEqualTo("no");
        assertThat(answer.requestId()).isEqualTo(rqp.get("rqi").asText());
    }

    @Test
    void a_notify_to_the_ae_ends_with_4008_when_the_ae_does_not_answer_in_time() {
        Response r = send(request(Operation.NOTIFY, AE, "Cother").requestExpirationTimestamp("300")
                .content(ContentCodec.parse("{\"m2m:sgn\":{\"vrq\":true}}")));

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.REQUEST_TIMEOUT);
        assertThat(r.debugMessage()).contains("did not answer");
        assertThat(poll().statusCode()).isEqualTo(ResponseStatusCode.REQUEST_TIMEOUT); // withdrawn, never delivered
    }

    @Test
    void refuses_malformed_and_unknown_answers_and_accepts_a_repeated_one() {
        addInstance("x");
        JsonNode rqp = nextMessage();
        String rqi = rqp.get("rqi").asText();

        Response noRsc = send(request(Operation.NOTIFY, PCU, "Cae1").content(ContentCodec.parse(
                "{\"m2m:rsp\":{\"rqi\":\"" + rqi + "\"}}")));
        Response badRsc = send(request(Operation.NOTIFY, PCU, "Cae1").content(ContentCodec.parse(
                "{\"m2m:rsp\":{\"rqi\":\"" + rqi + "\",\"rsc\":1234}}")));
        Response foreignFr = send(request(Operation.NOTIFY, PCU, "Cae1").content(ContentCodec.parse(
                "{\"m2m:rsp\":{\"rqi\":\"" + rqi + "\",\"rsc\":2000,\"fr\":\"Cae2\"}}")));
        Response unknown = send(request(Operation.NOTIFY, PCU, "Cae1").content(ContentCodec.parse(
                "{\"m2m:rsp\":{\"rqi\":\"never-sent\",\"rsc\":2000}}")));

        assertThat(noRsc.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(noRsc.debugMessage()).contains("rsc");
        assertThat(badRsc.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(foreignFr.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(unknown.statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
        // none of them confirmed the message: the next poll brings it again
        JsonNode again = nextMessage();
        assertThat(again.get("rqi").asText()).isEqualTo(rqi);
        answer(again);
        answer(again); // a repeated answer changes nothing
        assertThat(poll().statusCode()).isEqualTo(ResponseStatusCode.REQUEST_TIMEOUT);
    }

    @Test
    void a_polled_request_whose_requester_gave_up_is_not_delivered_again_and_its_late_answer_is_harmless() {
        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() -> send(request(Operation.NOTIFY, AE,
                "Cother").requestExpirationTimestamp("1500").content(ContentCodec.parse("{\"m2m:sgn\":{}}"))));
        JsonNode taken = nextMessage(); // handed, but the AE does not answer in time

        assertThat(waiting.join().statusCode()).isEqualTo(ResponseStatusCode.REQUEST_TIMEOUT);
        assertThat(poll().statusCode()).isEqualTo(ResponseStatusCode.REQUEST_TIMEOUT); // not handed out again
        answer(taken); // the late answer is accepted as a repeat (2000) and changes nothing
    }
}
