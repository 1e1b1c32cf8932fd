package org.oneedge.binding.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.oneedge.cse.remote.RegistrarConfig;
import org.oneedge.cse.remote.RemoteCseForwarder;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * An MN-CSE registered to an IN-CSE over HTTP with {@code rr=false} and no server of its own (digest §8.3): requests
 * and notifications for it are queued in the pollingChannel under its {@code <remoteCSE>} at the IN-CSE, and the
 * MN-CSE's registrar long-polls them from {@code pcu} and answers them.
 */
class RemoteCsePollingOverHttpIT {

    private final List<AutoCloseable> running = new ArrayList<>();
    private final AtomicLong rqi = new AtomicLong();
    private HttpCseClient in;
    private Cse mn;
    private CseRegistrar registrar;

    @BeforeEach
    void startInAndRrFalseMn() {
        HttpRemoteSender inSender = new HttpRemoteSender();
        running.add(inSender);
        CseConfig inConfig = CseConfig.defaults();
        InMemoryResourceStore inStore = new InMemoryResourceStore();
        Cse inCse = Cse.builder().config(inConfig).store(inStore).remoteSender(inSender)
                .forwarder(new RemoteCseForwarder(inConfig, inStore, List.of(inSender))).build();
        inCse.start();
        running.add(inCse);
        HttpBindingServer server = new HttpBindingServer(HttpBindingConfig.loopbackAnyPort(), inCse);
        server.start();
        running.add(server);
        in = new HttpCseClient(server.baseUrl());
        running.add(in);

        HttpRemoteSender mnSender = new HttpRemoteSender();
        running.add(mnSender);
        CseConfig mnConfig = CseConfig.defaults().withCseId("/id-mn1").withCseBaseName("cse-mn1")
                .withCseType(CseType.MN).withPointOfAccess(List.of());
        InMemoryResourceStore mnStore = new InMemoryResourceStore();
        mn = Cse.builder().config(mnConfig).store(mnStore).remoteSender(mnSender)
                .forwarder(new RemoteCseForwarder(mnConfig, mnStore, List.of(mnSender))).build();
        mn.start();
        running.add(mn);
        registrar = new CseRegistrar(RegistrarConfig.builder("/id-in", "cse-in", List.of(server.baseUrl()))
                .requestReachable(false).pollDuration(Duration.ofMillis(500)).retryInterval(Duration.ofMillis(50))
                .maxRetryInterval(Duration.ofMillis(200)).build(), mnConfig, mn, mnStore, List.of(mnSender));
        registrar.start();
        running.add(registrar);
        await().atMost(Duration.ofSeconds(10)).until(() -> registrar.state() == CseRegistrar.State.REGISTERED
                && send(in, Operation.RETRIEVE, "cse-in/id-mn1/pch", "CAdmin", null, null).statusCode()
                == ResponseStatusCode.OK);
    }

    @AfterEach
    void stopAll() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void forwards_requests_to_an_mn_cse_registered_with_rr_false_once_each_and_in_order() {
        assertThat(send(in, Operation.RETRIEVE, "cse-in/id-mn1", "CAdmin", null, null).content()
                .at("/m2m:csr/rr").asBoolean(true)).isFalse();
        givenAe(in, "cse-in", "Cae1");
        grantContainer(mn, "cse-mn1", "cnt", "/id-in/Cae1");

        for (int i = 0; i < 5; i++) {
            Response created = send(in, Operation.CREATE, "/id-mn1/cse-mn1/cnt", "Cae1",
                    ResourceType.CONTENT_INSTANCE, "{\"m2m:cin\":{\"con\":\"v" + i + "\"}}");
            assertThat(created.statusCode()).as(dbg(created)).isEqualTo(ResponseStatusCode.CREATED);
        }

        Response container = send(in, Operation.RETRIEVE, "/id-mn1/cse-mn1/cnt", "Cae1", null, null);
        assertThat(container.statusCode()).as(dbg(container)).isEqualTo(ResponseStatusCode.OK);
        assertThat(container.content().at("/m2m:cnt/cni").asInt()).isEqualTo(5);
        assertThat(send(mn, Operation.RETRIEVE, "cse-mn1/cnt/ol", "CAdmin", null, null).content()
                .at("/m2m:cin/con").asText()).isEqualTo("v0");
        assertThat(send(mn, Operation.RETRIEVE, "cse-mn1/cnt/la", "CAdmin", null, null).content()
                .at("/m2m:cin/con").asText()).isEqualTo("v4");
    }

    @Test
    void notifications_for_an_rr_false_mn_cse_arrive_once_each_and_in_order() throws Exception {
        HttpNotificationReceiver receiver = new HttpNotificationReceiver();
        receiver.start();
        running.add(receiver);
        Response ae = send(mn, Operation.CREATE, "cse-mn1", "CaeM", ResourceType.AE,
                "{\"m2m:ae\":{\"rn\":\"aeM\",\"api\":\"Nsink\",\"rr\":true,\"srv\":[\"3\"],\"poa\":[\""
                        + receiver.url() + "\"]}}");
        assertThat(ae.statusCode()).as(dbg(ae)).isEqualTo(ResponseStatusCode.CREATED);
        givenAe(in, "cse-in", "Cae1");
        assertThat(send(in, Operation.CREATE, "cse-in/ae-Cae1", "Cae1", ResourceType.CONTAINER,
                "{\"m2m:cnt\":{\"rn\":\"src\"}}").statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        Response sub = send(in, Operation.CREATE, "cse-in/ae-Cae1/src", "Cae1", ResourceType.SUBSCRIPTION,
                "{\"m2m:sub\":{\"rn\":\"toMn\",\"nu\":[\"/id-mn1/CaeM\"],\"enc\":{\"net\":[3]}}}");
        assertThat(sub.statusCode()).as(dbg(sub)).isEqualTo(ResponseStatusCode.CREATED);

        for (int i = 0; i < 10; i++) {
            assertThat(send(in, Operation.CREATE, "cse-in/ae-Cae1/src", "Cae1", ResourceType.CONTENT_INSTANCE,
                    "{\"m2m:cin\":{\"con\":\"n" + i + "\"}}").statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.notifications().size() >= 10);
        List<String> contents = receiver.notifications().stream()
                .map(n -> n.content().at("/m2m:sgn/nev/rep/m2m:cin/con").asText()).toList();
        assertThat(contents).containsExactly("n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9");
        assertThat(receiver.notifications()).extracting(Request::requestId).doesNotHaveDuplicates();
    }

    @Test
    void refuses_a_poll_of_the_mn_cse_channel_by_anyone_else_and_keeps_forwarding() {
        givenAe(in, "cse-in", "Cae1");
        grantContainer(mn, "cse-mn1", "cnt", "/id-in/Cae1");

        Response stolen = send(in, Operation.RETRIEVE, "cse-in/id-mn1/pch/pcu", "Cae1", null, null);
        assertThat(stolen.statusCode()).isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
        assertThat(stolen.content().path("m2m:dbg").asText()).contains("/id-mn1");
        Response forged = send(in, Operation.NOTIFY, "cse-in/id-mn1/pch/pcu", "/id-mn1", null,
                "{\"m2m:rsp\":{\"rsc\":2000}}");
        assertThat(forged.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(forged.content().path("m2m:dbg").asText()).contains("rqi");

        Response created = send(in, Operation.CREATE, "/id-mn1/cse-mn1/cnt", "Cae1", ResourceType.CONTENT_INSTANCE,
                "{\"m2m:cin\":{\"con\":\"after\"}}");
        assertThat(created.statusCode()).as(dbg(created)).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(send(mn, Operation.RETRIEVE, "cse-mn1/cnt", "CAdmin", null, null).content()
                .at("/m2m:cnt/cni").asInt()).isEqualTo(1);
    }

    private void givenAe(CseClient cse, String base, String from) {
        Response ae = send(cse, Operation.CREATE, base, from, ResourceType.AE,
                "{\"m2m:ae\":{\"rn\":\"ae-" + from + "\",\"api\":\"Ntest\",\"rr\":true,\"srv\":[\"3\"]}}");
        assertThat(ae.statusCode()).as(dbg(ae)).isEqualTo(ResponseStatusCode.CREATED);
    }

    /** A container on the MN-CSE that {@code originator} may use fully. */
    private void grantContainer(CseClient cse, String base, String rn, String originator) {
        Response acp = send(cse, Operation.CREATE, base, "CAdmin", ResourceType.ACCESS_CONTROL_POLICY,
                "{\"m2m:acp\":{\"rn\":\"acp-" + rn + "\",\"pv\":{\"acr\":[{\"acor\":[\"" + originator
                        + "\"],\"acop\":63}]},\"pvs\":{\"acr\":[{\"acor\":[\"CAdmin\"],\"acop\":63}]}}}");
        assertThat(acp.statusCode()).as(dbg(acp)).isEqualTo(ResponseStatusCode.CREATED);
        String acpi = acp.content().at("/m2m:acp/ri").asText();
        Response cnt = send(cse, Operation.CREATE, base, "CAdmin", ResourceType.CONTAINER,
                "{\"m2m:cnt\":{\"rn\":\"" + rn + "\",\"acpi\":[\"" + acpi + "\"]}}");
        assertThat(cnt.statusCode()).as(dbg(cnt)).isEqualTo(ResponseStatusCode.CREATED);
    }

    private Response send(CseClient client, Operation op, String to, String from, ResourceType ty, String json) {
        Request.Builder r = Request.builder().operation(op).to(to).from(from).releaseVersion("3")
                .requestId("rq" + rqi.incrementAndGet());
        if (ty != null) {
            r.resourceType(ty);
        }
        if (json != null) {
            r.content(ContentCodec.parse(json));
        }
        return client.send(r.build());
    }

    private static String dbg(Response r) {
        return r.statusCode() + " " + (r.content() == null ? "" : r.content().toString());
    }
}
