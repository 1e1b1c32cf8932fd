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
import org.oneedge.cse.announcement.AnnouncementExtension;
import org.oneedge.cse.flex.FlexContainerDefinitions;
import org.oneedge.cse.remote.CseRegistrar;
import org.oneedge.cse.remote.MccOutbox;
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
 * Access to announced resources over HTTP (digest §5.2 "Announced resources", §8.2 acpi): an MN-CSE announces a
 * container with {@code acpi} to the IN-CSE; its ACP is announced first ({@code m2m:acpA}) and the copy's {@code acpi}
 * names that copy, so the IN-CSE grants and refuses access to the copy by the original's rules, and follows changes;
 * a copy with {@code ast}=2 passes updates back to the original.
 */
class AnnouncedAccessControlOverHttpIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<AutoCloseable> running = new ArrayList<>();
    private final AtomicLong rqi = new AtomicLong();
    private HttpCseClient in;
    private InMemoryResourceStore mnStore;
    private Cse mn;

    @BeforeEach
    void startInAndMn() throws IOException {
        MccOutbox.Settings fast = MccOutbox.Settings.defaults().withRetryInterval(Duration.ofMillis(20))
                .withMaxRetryInterval(Duration.ofMillis(100));
        HttpRemoteSender inSender = new HttpRemoteSender();
        running.add(inSender);
        CseConfig inConfig = CseConfig.defaults();
        InMemoryResourceStore inStore = new InMemoryResourceStore();
        Cse inCse = Cse.builder().config(inConfig).store(inStore).remoteSender(inSender)
                .forwarder(new RemoteCseForwarder(inConfig, inStore, List.of(inSender)))
                .extension(new AnnouncementExtension(fast, FlexContainerDefinitions.builtIn())).build();
        inCse.start();
        running.add(inCse);
        HttpBindingServer server = new HttpBindingServer(HttpBindingConfig.loopbackAnyPort(), inCse);
        server.start();
        running.add(server);
        in = new HttpCseClient(server.baseUrl());
        running.add(in);

        HttpRemoteSender mnSender = new HttpRemoteSender();
        running.add(mnSender);
        int mnPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            mnPort = probe.getLocalPort(); // the MN-CSE's poa must be known before its CSEBase exists
        }
        CseConfig mnConfig = CseConfig.defaults().withCseId("/id-mn1").withCseBaseName("cse-mn1")
                .withCseType(CseType.MN).withPointOfAccess(List.of("http://127.0.0.1:" + mnPort));
        mnStore = new InMemoryResourceStore();
        mn = Cse.builder().config(mnConfig).store(mnStore).remoteSender(mnSender)
                .forwarder(new RemoteCseForwarder(mnConfig, mnStore, List.of(mnSender)))
                .extension(new AnnouncementExtension(fast, FlexContainerDefinitions.builtIn())).build();
        mn.start();
        running.add(mn);
        HttpBindingServer mnServer = new HttpBindingServer(HttpBindingConfig.builder().host("127.0.0.1").port(mnPort)
                .build(), mn);
        mnServer.start();
        running.add(mnServer);
        CseRegistrar registrar = new CseRegistrar(RegistrarConfig.builder("/id-in", "cse-in",
                List.of(server.baseUrl())).retryInterval(Duration.ofMillis(50)).maxRetryInterval(Duration.ofMillis(200))
                .build(), mnConfig, mn, mnStore, List.of(mnSender));
        registrar.start();
        running.add(registrar);
        await().atMost(WAIT).until(() -> registrar.state() == CseRegistrar.State.REGISTERED);
        givenAe(in, "cse-in", "Creader");
        givenAe(in, "cse-in", "Cother");
        givenAe(mn, "cse-mn1", "Cowner");
    }

    @AfterEach
    void stopAll() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void the_copy_is_judged_by_the_announced_copy_of_the_original_acp_and_follows_its_changes() {
        Response acp = send(mn, Operation.CREATE, "cse-mn1/ae-Cowner", "Cowner", ResourceType.ACCESS_CONTROL_POLICY,
                "{\"m2m:acp\":{\"rn\":\"readers\",\"pv\":{\"acr\":[{\"acor\":[\"/id-in/Creader\",\"Cowner\"],"
                        + "\"acop\":63}]},\"pvs\":{\"acr\":[{\"acor\":[\"Cowner\"],\"acop\":63}]}}}");
        assertThat(acp.statusCode()).as(dbg(acp)).isEqualTo(ResponseStatusCode.CREATED);
        String acpRi = acp.content().at("/m2m:acp/ri").asText();
        Response cnt = send(mn, Operation.CREATE, "cse-mn1/ae-Cowner", "Cowner", ResourceType.CONTAINER,
                "{\"m2m:cnt\":{\"rn\":\"data\",\"acpi\":[\"" + acpRi + "\"],\"lbl\":[\"v1\"],\"at\":[\"/id-in\"]}}");
        assertThat(cnt.statusCode()).as(dbg(cnt)).isEqualTo(ResponseStatusCode.CREATED);

        String copy = announcedAddress("cse-mn1/ae-Cowner/data");
        String acpCopy = announcedAddress("cse-mn1/ae-Cowner/readers");
        JsonNode copied = send(in, Operation.RETRIEVE, copy, "CAdmin", null, null).content().path("m2m:cntA");
        assertThat(copied.path("acpi")).extracting(JsonNode::asText).containsExactly(acpCopy);
        JsonNode acpA = send(in, Operation.RETRIEVE, acpCopy, "CAdmin", null, null).content().path("m2m:acpA");
        assertThat(acpA.path("lnk").asText()).isEqualTo("/id-mn1/" + acpRi);
        assertThat(acpA.at("/pv/acr/0/acor")).extracting(JsonNode::asText)
                .containsExactly("/id-in/Creader", "/id-mn1/Cowner");

        Response allowed = send(in, Operation.RETRIEVE, copy, "Creader", null, null);
        assertThat(allowed.statusCode()).as(dbg(allowed)).isEqualTo(ResponseStatusCode.OK);
        Response refused = send(in, Operation.RETRIEVE, copy, "Cother", null, null);
        assertThat(refused.statusCode()).isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
        assertThat(refused.content().path("m2m:dbg").asText()).contains("Cother");
        Response changed = send(in, Operation.UPDATE, copy, "Creader", null, "{\"m2m:cntA\":{\"lbl\":[\"forged\"]}}");
        assertThat(changed.statusCode()).isEqualTo(ResponseStatusCode.OPERATION_NOT_ALLOWED); // ast=1: host only
        assertThat(changed.content().path("m2m:dbg").asText()).contains("/id-mn1/" + cnt.content().at("/m2m:cnt/ri")
                .asText());
        assertThat(send(in, Operation.RETRIEVE, copy, "CAdmin", null, null).content().at("/m2m:cntA/lbl/0")
                .asText()).isEqualTo("v1");

        Response widened = send(mn, Operation.UPDATE, "cse-mn1/ae-Cowner/readers", "Cowner", null,
                "{\"m2m:acp\":{\"pv\":{\"acr\":[{\"acor\":[\"/id-in/Creader\",\"/id-in/Cother\"],\"acop\":2},"
                        + "{\"acor\":[\"Cowner\"],\"acop\":63}]}}}");
        assertThat(widened.statusCode()).as(dbg(widened)).isEqualTo(ResponseStatusCode.UPDATED);
        await().atMost(WAIT).until(() -> send(in, Operation.RETRIEVE, copy, "Cother", null, null).statusCode()
                == ResponseStatusCode.OK);

        assertThat(send(mn, Operation.UPDATE, "cse-mn1/ae-Cowner/data", "Cowner", null,
                "{\"m2m:cnt\":{\"lbl\":[\"v2\"]}}").statusCode()).isEqualTo(ResponseStatusCode.UPDATED);
        await().atMost(WAIT).until(() -> send(in, Operation.RETRIEVE, copy, "CAdmin", null, null).content()
                .at("/m2m:cntA/lbl/0").asText().equals("v2"));
    }

    @Test
    void a_bi_directional_copy_passes_updates_to_the_original_judged_by_its_policies() {
        Response acp = send(mn, Operation.CREATE, "cse-mn1/ae-Cowner", "Cowner", ResourceType.ACCESS_CONTROL_POLICY,
                "{\"m2m:acp\":{\"rn\":\"writers\",\"pv\":{\"acr\":[{\"acor\":[\"/id-in/Creader\",\"Cowner\"],"
                        + "\"acop\":63}]},\"pvs\":{\"acr\":[{\"acor\":[\"Cowner\"],\"acop\":63}]}}}");
        String acpRi = acp.content().at("/m2m:acp/ri").asText();
        Response badAst = send(mn, Operation.CREATE, "cse-mn1/ae-Cowner", "Cowner", ResourceType.CONTAINER,
                "{\"m2m:cnt\":{\"rn\":\"odd\",\"ast\":3,\"at\":[\"/id-in\"]}}");
        assertThat(badAst.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(badAst.content().path("m2m:dbg").asText()).contains("ast");
        assertThat(send(mn, Operation.RETRIEVE, "cse-mn1/ae-Cowner/odd", "Cowner", null, null).statusCode())
                .isEqualTo(ResponseStatusCode.NOT_FOUND);

        Response cnt = send(mn, Operation.CREATE, "cse-mn1/ae-Cowner", "Cowner", ResourceType.CONTAINER,
                "{\"m2m:cnt\":{\"rn\":\"shared\",\"acpi\":[\"" + acpRi + "\"],\"lbl\":[\"v1\"],\"ast\":2,"
                        + "\"at\":[\"/id-in\"]}}");
        assertThat(cnt.statusCode()).as(dbg(cnt)).isEqualTo(ResponseStatusCode.CREATED);
        String copy = announcedAddress("cse-mn1/ae-Cowner/shared");
        assertThat(send(in, Operation.RETRIEVE, copy, "CAdmin", null, null).content().at("/m2m:cntA/ast").asInt())
                .isEqualTo(2);

        Response pushed = send(in, Operation.UPDATE, copy, "Creader", null, "{\"m2m:cntA\":{\"lbl\":[\"from-in\"]}}");
        assertThat(pushed.statusCode()).as(dbg(pushed)).isEqualTo(ResponseStatusCode.UPDATED);
        assertThat(send(mn, Operation.RETRIEVE, "cse-mn1/ae-Cowner/shared", "Cowner", null, null).content()
                .at("/m2m:cnt/lbl/0").asText()).isEqualTo("from-in");
        await().atMost(WAIT).until(() -> send(in, Operation.RETRIEVE, copy, "CAdmin", null, null).content()
                .at("/m2m:cntA/lbl/0").asText().equals("from-in"));

        Response refused = send(in, Operation.UPDATE, copy, "Cother", null, "{\"m2m:cntA\":{\"lbl\":[\"x\"]}}");
        assertThat(refused.statusCode()).isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
        assertThat(refused.content().path("m2m:dbg").asText()).contains("Cother");
        assertThat(send(mn, Operation.RETRIEVE, "cse-mn1/ae-Cowner/shared", "Cowner", null, null).content()
                .at("/m2m:cnt/lbl/0").asText()).isEqualTo("from-in");
    }

    /** The copy's address once {@code at} of the original holds it. */
    private String announcedAddress(String originalPath) {
        await().atMost(WAIT).until(() -> mnStore.getByPath(originalPath).orElseThrow().attributes().path("at")
                .toString().matches(".*\"/id-in/[^\"]+\".*"));
        return mnStore.getByPath(originalPath).orElseThrow().attributes().path("at").get(0).asText();
    }

    private void givenAe(CseClient cse, String base, String from) {
        Response ae = send(cse, Operation.CREATE, base, from, ResourceType.AE,
                "{\"m2m:ae\":{\"rn\":\"ae-" + from + "\",\"api\":\"Ntest\",\"rr\":true,\"srv\":[\"3\"]}}");
        assertThat(ae.statusCode()).as(dbg(ae)).isEqualTo(ResponseStatusCode.CREATED);
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
