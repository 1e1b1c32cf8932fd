package org.oneedge.binding.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.Cse;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.CseType;
import org.oneedge.cse.remote.CseRegistrar;
import org.oneedge.cse.remote.MccOutbox;
import org.oneedge.cse.remote.RegistrarConfig;
import org.oneedge.cse.remote.RemoteCseForwarder;
import org.oneedge.cse.request.NonBlockingRequestExtension;
import org.oneedge.cse.request.NonBlockingSettings;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * Link loss between an IN-CSE and an MN-CSE over HTTP (the MN-CSE's server stopped, then restarted on its port):
 * non-blocking requests the IN-CSE forwards wait in its outbox, their {@code <request>} PENDING, and are sent in order
 * once the MN-CSE is back; blocking ones get 5103 with a message at once.
 */
class NonBlockingLinkLossOverHttpIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<AutoCloseable> running = new ArrayList<>();
    private final AtomicLong rqi = new AtomicLong();
    private HttpCseClient in;
    private InMemoryResourceStore inStore;
    private Cse mn;
    private int mnPort;
    private HttpBindingServer mnServer;

    @BeforeEach
    void startInAndMn() throws IOException {
        HttpRemoteSender inSender = new HttpRemoteSender();
        running.add(inSender);
        CseConfig inConfig = CseConfig.defaults();
        inStore = new InMemoryResourceStore();
        Cse inCse = Cse.builder().config(inConfig).store(inStore).remoteSender(inSender)
                .forwarder(new RemoteCseForwarder(inConfig, inStore, List.of(inSender)))
                .extension(new NonBlockingRequestExtension(NonBlockingSettings.defaults().withLinkLossQueue(
                        MccOutbox.Settings.defaults().withCapacity(100).withRetryInterval(Duration.ofMillis(20))
                                .withMaxRetryInterval(Duration.ofMillis(100))))).build();
        inCse.start();
        running.add(inCse);
        HttpBindingServer inServer = new HttpBindingServer(HttpBindingConfig.loopbackAnyPort(), inCse);
        inServer.start();
        running.add(inServer);
        in = new HttpCseClient(inServer.baseUrl());
        running.add(in);

        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            mnPort = probe.getLocalPort(); // a free loopback port the MN-CSE keeps across its restart
        }
        HttpRemoteSender mnSender = new HttpRemoteSender();
        running.add(mnSender);
        CseConfig mnConfig = CseConfig.defaults().withCseId("/id-mn1").withCseBaseName("cse-mn1")
                .withCseType(CseType.MN).withPointOfAccess(List.of("http://127.0.0.1:" + mnPort));
        InMemoryResourceStore mnStore = new InMemoryResourceStore();
        mn = Cse.builder().config(mnConfig).store(mnStore).remoteSender(mnSender)
                .forwarder(new RemoteCseForwarder(mnConfig, mnStore, List.of(mnSender))).build();
        mn.start();
        running.add(mn);
        startMnServer();
        CseRegistrar registrar = new CseRegistrar(RegistrarConfig.builder("/id-in", "cse-in",
                List.of(inServer.baseUrl())).retryInterval(Duration.ofMillis(50)).maxRetryInterval(Duration.ofMillis(200))
                .refreshInterval(Duration.ofMinutes(5)).deregisterOnShutdown(false).build(), mnConfig, mn, mnStore,
                List.of(mnSender));
        registrar.start();
        running.add(registrar);
        await().atMost(WAIT).until(() -> registrar.state() == CseRegistrar.State.REGISTERED);

        Response ae = send(in, Operation.CREATE, "cse-in", "Cae1", ResourceType.AE, null,
                "{\"m2m:ae\":{\"rn\":\"ae1\",\"api\":\"Ntest\",\"rr\":true,\"srv\":[\"3\"]}}");
        assertThat(ae.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        Response acp = send(mn, Operation.CREATE, "cse-mn1", "CAdmin", ResourceType.ACCESS_CONTROL_POLICY, null,
                "{\"m2m:acp\":{\"rn\":\"open\",\"pv\":{\"acr\":[{\"acor\":[\"/id-in/Cae1\"],\"acop\":63}]},"
                        + "\"pvs\":{\"acr\":[{\"acor\":[\"CAdmin\"],\"acop\":63}]}}}");
        Response cnt = send(mn, Operation.CREATE, "cse-mn1", "CAdmin", ResourceType.CONTAINER, null,
                "{\"m2m:cnt\":{\"rn\":\"cnt\",\"acpi\":[\"" + acp.content().at("/m2m:acp/ri").asText() + "\"]}}");
        assertThat(cnt.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
    }

    private void startMnServer() {
        mnServer = new HttpBindingServer(HttpBindingConfig.builder().host("127.0.0.1").port(mnPort).build(), mn);
        mnServer.start();
    }

    @AfterEach
    void stopAll() throws Exception {
        if (mnServer != null) {
            mnServer.close();
        }
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void non_blocking_requests_wait_for_the_lost_link_and_are_sent_in_order_when_it_returns() {
        mnServer.close();

        Response blocking = send(in, Operation.CREATE, "/id-mn1/cse-mn1/cnt", "Cae1", ResourceType.CONTENT_INSTANCE,
                null, "{\"m2m:cin\":{\"con\":\"blocked\"}}");
        assertThat(blocking.statusCode()).isEqualTo(ResponseStatusCode.TARGET_NOT_REACHABLE);
        assertThat(blocking.content().path("m2m:dbg").asText()).isNotBlank();

        String first = accepted(send(in, Operation.CREATE, "/id-mn1/cse-mn1/cnt", "Cae1",
                ResourceType.CONTENT_INSTANCE, 1, "{\"m2m:cin\":{\"con\":\"q1\"}}"));
        String second = accepted(send(in, Operation.CREATE, "/id-mn1/cse-mn1/cnt", "Cae1",
                ResourceType.CONTENT_INSTANCE, 1, "{\"m2m:cin\":{\"con\":\"q2\"}}"));
        await().atMost(WAIT).until(() -> queuedAtIn() == 2);
        assertThat(request(first).path("rs").asInt()).isEqualTo(3); // PENDING
        assertThat(request(first).has("ors")).isFalse();

        startMnServer();

        await().atMost(WAIT).until(() -> request(first).path("rs").asInt() == 1
                && request(second).path("rs").asInt() == 1);
        assertThat(request(first).at("/ors/rsc").asInt()).isEqualTo(2001);
        assertThat(request(second).at("/ors/rsc").asInt()).isEqualTo(2001);
        assertThat(queuedAtIn()).isZero();
        assertThat(send(mn, Operation.RETRIEVE, "cse-mn1/cnt", "CAdmin", null, null, null).content()
                .at("/m2m:cnt/cni").asInt()).isEqualTo(2);
        assertThat(send(mn, Operation.RETRIEVE, "cse-mn1/cnt/ol", "CAdmin", null, null, null).content()
                .at("/m2m:cin/con").asText()).isEqualTo("q1");
        assertThat(send(mn, Operation.RETRIEVE, "cse-mn1/cnt/la", "CAdmin", null, null, null).content()
                .at("/m2m:cin/con").asText()).isEqualTo("q2");
    }

    @Test
    void a_non_blocking_request_to_an_unknown_cse_fails_at_once_and_is_not_queued() {
        String unknown = accepted(send(in, Operation.CREATE, "/id-nowhere/cse-x", "Cae1", ResourceType.CONTAINER, 1,
                "{\"m2m:cnt\":{\"rn\":\"c\"}}"));

        await().atMost(WAIT).until(() -> request(unknown).path("rs").asInt() == 2); // FAILED
        assertThat(request(unknown).at("/ors/rsc").asInt()).isEqualTo(4004);
        assertThat(request(unknown).at("/ors/pc/m2m:dbg").asText()).contains("/id-nowhere");
        assertThat(queuedAtIn()).isZero();
    }

    private long queuedAtIn() {
        return inStore.children("id-in", ResourceType.REQUEST, 0, Integer.MAX_VALUE).stream()
                .filter(r -> r.rn().startsWith(MccOutbox.NAME_PREFIX)).count();
    }

    private String accepted(Response r) {
        assertThat(r.statusCode()).as(String.valueOf(r.content()))
                .isEqualTo(ResponseStatusCode.ACCEPTED_NON_BLOCKING_SYNCH);
        return r.content().path("m2m:uri").asText();
    }

    private JsonNode request(String ri) {
        return send(in, Operation.RETRIEVE, ri, "Cae1", null, null, null).content().path("m2m:req");
    }

    private Response send(CseClient client, Operation op, String to, String from, ResourceType ty, Integer rt,
                          String json) {
        Request.Builder r = Request.builder().operation(op).to(to).from(from).releaseVersion("3")
                .requestId("rq" + rqi.incrementAndGet());
        if (ty != null) {
            r.resourceType(ty);
        }
        if (rt != null) {
            r.responseType(rt);
        }
        if (json != null) {
            r.content(ContentCodec.parse(json));
        }
        return client.send(r.build());
    }
}
