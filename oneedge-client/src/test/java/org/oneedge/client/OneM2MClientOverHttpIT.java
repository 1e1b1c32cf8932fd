package org.oneedge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.oneedge.binding.http.HttpBindingConfig;
import org.oneedge.binding.http.HttpBindingServer;
import org.oneedge.binding.http.HttpCseClient;
import org.oneedge.binding.http.HttpNotificationReceiver;
import org.oneedge.binding.http.HttpRemoteSender;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * The SDK over real HTTP: client -> HttpCseClient -> HttpBindingServer -> a tiny fake CSE that verifies and notifies
 * subscribers through HttpRemoteSender -> HttpNotificationReceiver.
 */
class OneM2MClientOverHttpIT {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void registers_subscribes_and_receives_a_notification_over_http() {
        List<Request> atCse = new CopyOnWriteArrayList<>();
        List<Request> heard = new CopyOnWriteArrayList<>();
        try (HttpRemoteSender notifier = new HttpRemoteSender();
             HttpNotificationReceiver receiver = new HttpNotificationReceiver(heard::add);
             HttpBindingServer server = new HttpBindingServer(HttpBindingConfig.loopbackAnyPort(),
                     fakeCse(atCse, notifier));
             HttpCseClient http = new HttpCseClient("http://127.0.0.1:1")) {
            receiver.start();
            server.start();
            try (HttpCseClient cse = new HttpCseClient(server.baseUrl())) {
                OneM2MClient ae = OneM2MClient.builder(cse).build();

                String aeId = ae.registerAe("sensor", "Nsensor", true, List.of(receiver.url()));
                RemoteResource sub = ae.subscribe(ae.aePath(), "s1", receiver,
                        NotificationEvent.CREATE_OF_DIRECT_CHILD_RESOURCE);

                assertThat(aeId).isEqualTo("Csensor");
                assertThat(sub.path()).isEqualTo("cse-in/sensor/s1");
                assertThat(receiver.verificationRequests()).hasSize(1);
                await().atMost(Duration.ofSeconds(5)).until(() -> heard.size() == 1);
                assertThat(heard.get(0).content().at("/m2m:sgn/sur").asText()).isEqualTo("/id-in/sub1");
                assertThat(atCse).extracting(Request::from).containsExactly("C", "Csensor");
                assertThat(atCse).extracting(Request::requestId).containsExactly("C-1", "Csensor-2");
            }
            OneM2MClient unreachable = OneM2MClient.builder(http).build();
            assertThatThrownBy(() -> unreachable.retrieve("cse-in"))
                    .isInstanceOfSatisfying(RequestFailedException.class, e ->
                            assertThat(e.statusCode()).isEqualTo(ResponseStatusCode.TARGET_NOT_REACHABLE));
        }
    }

    /** Answers AE and subscription creation the way a CSE would, verifying and then notifying the subscriber. */
    private static CseClient fakeCse(List<Request> log, HttpRemoteSender notifier) {
        return request -> {
            log.add(request);
            if (request.resourceType() != null && request.resourceType() == 2) {
                ObjectNode ae = NODES.objectNode();
                ae.putObject("m2m:ae").put("rn", "sensor").put("ri", "Csensor").put("aei", "Csensor");
                return Response.of(ResponseStatusCode.CREATED, ae);
            }
            String nu = request.content().at("/m2m:sub/nu/0").asText();
            ObjectNode verification = NODES.objectNode();
            verification.putObject("m2m:sgn").put("vrq", true).put("sur", "/id-in/sub1").put("cr", request.from());
            Response verified = notifier.send(nu, Request.builder().operation(Operation.NOTIFY).to(request.from())
                    .from("/id-in").requestId("v1").releaseVersion("3").content(verification).build());
            if (verified.statusCode() != ResponseStatusCode.OK) {
                return Response.error(ResponseStatusCode.SUBSCRIPTION_VERIFICATION_INITIATION_FAILED, "no 2000");
            }
            Thread.ofVirtual().start(() -> {
                ObjectNode sgn = NODES.objectNode();
                sgn.putObject("m2m:sgn").put("sur", "/id-in/sub1").putObject("nev").put("net", 3);
                notifier.send(nu, Request.builder().operation(Operation.NOTIFY).to(request.from()).from("/id-in")
                        .requestId("n1").releaseVersion("3").content(sgn).build());
            });
            ObjectNode sub = NODES.objectNode();
            sub.putObject("m2m:sub").put("rn", "s1").put("ri", "sub1");
            return Response.of(ResponseStatusCode.CREATED, sub);
        };
    }
}
