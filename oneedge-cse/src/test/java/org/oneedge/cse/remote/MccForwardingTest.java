package org.oneedge.cse.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/** IN-CSE with two MN-CSEs registered to it, connected in-process: registration, forwarding, notifications. */
class MccForwardingTest {

    private final InProcessNetwork network = new InProcessNetwork();
    private MccNode in;
    private MccNode mn1;
    private MccNode mn2;

    @BeforeEach
    void givenInWithTwoRegisteredMns() {
        in = MccNode.in(network);
        mn1 = MccNode.mn(network, "mn1").registerTo(in, true);
        mn2 = MccNode.mn(network, "mn2", new InMemoryResourceStore()).registerTo(in, false);
        await().atMost(Duration.ofSeconds(5)).until(() -> mn1.registrar.state() == CseRegistrar.State.REGISTERED
                && mn2.registrar.state() == CseRegistrar.State.REGISTERED);
    }

    @AfterEach
    void stop() {
        mn1.close();
        mn2.close();
        in.close();
    }

    private static String dbg(Response r) {
        return r.content() == null ? "" : r.content().path("m2m:dbg").asText();
    }

    @Test
    void registration_creates_remote_cses_on_both_sides() {
        assertThat(in.store.get("id-mn1")).hasValueSatisfying(csr -> {
            assertThat(csr.attributes().path("csi").asText()).isEqualTo("/id-mn1");
            assertThat(csr.attributes().path("cb").asText()).isEqualTo("/id-mn1/cse-mn1");
            assertThat(csr.attributes().path("poa").get(0).asText()).isEqualTo("mem://id-mn1");
            assertThat(csr.attributes().path("cst").asInt()).isEqualTo(2);
        });
        assertThat(in.store.get("id-mn2")).isPresent();
        assertThat(mn1.store.get("id-in")).hasValueSatisfying(csr -> {
            assertThat(csr.attributes().path("csi").asText()).isEqualTo("/id-in");
            assertThat(csr.attributes().path("cst").asInt()).isEqualTo(1);
            assertThat(csr.attributes().path("poa").get(0).asText()).isEqualTo("mem://id-in");
        });
    }

    @Test
    void a_restarted_registrar_updates_its_registration_instead_of_duplicating_it() {
        mn2.registrar.close(); // deregisterOnShutdown=false: the registration stays
        mn2.registrar = null;
        String ltBefore = in.store.get("id-mn2").orElseThrow().attributes().path("lt").asText();

        mn2.registerTo(in, false);
        await().atMost(Duration.ofSeconds(5)).until(() -> mn2.registrar.state() == CseRegistrar.State.REGISTERED);

        assertThat(in.store.children("id-in", ResourceType.REMOTE_CSE, 0, 10)).extracting(r -> r.ri())
                .containsExactlyInAnyOrder("id-mn1", "id-mn2");
        assertThat(mn2.store.children("id-mn2", ResourceType.REMOTE_CSE, 0, 10)).hasSize(1);
        assertThat(in.store.get("id-mn2").orElseThrow().attributes().path("lt").asText())
                .isGreaterThanOrEqualTo(ltBefore);
    }

    @Test
    void clean_shutdown_deregisters_on_both_sides() {
        mn1.registrar.close();

        assertThat(in.store.get("id-mn1")).isEmpty();
        assertThat(mn1.store.get("id-in")).isEmpty();
    }

    @Test
    void retrieve_is_forwarded_from_mn1_through_the_in_to_mn2() {
        Response ae = mn2.create("cse-mn2", "CAE2", ResourceType.AE,
                "{\"m2m:ae\":{\"rn\":\"CAE2\",\"api\":\"Nsensor\",\"rr\":true,\"srv\":[\"3\"]}}");
        assertThat(ae.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        mn2.create("cse-mn2/CAE2", "CAE2", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"temp\",\"lbl\":[\"x\"]}}");

        mn1.create("cse-mn1", "CAE1", ResourceType.AE, "{\"m2m:ae\":{\"rn\":\"CAE1\",\"api\":\"Nreader\",\"rr\":true,\"srv\":[\"3\"]}}");
        grantAll(mn2, "cse-mn2/CAE2/temp", "CAE2", "/id-mn1/CAE1");

        Response r = mn1.retrieve("/id-mn2/cse-mn2/CAE2/temp", "CAE1");

        assertThat(r.statusCode()).as(dbg(r)).isEqualTo(ResponseStatusCode.OK);
        assertThat(r.content().path("m2m:cnt").path("rn").asText()).isEqualTo("temp");
    }

    @Test
    void hosting_cse_checks_access_for_the_sp_relative_originator() {
        mn2.create("cse-mn2", "CAE2", ResourceType.AE, "{\"m2m:ae\":{\"rn\":\"CAE2\",\"api\":\"Nsensor\",\"rr\":true,\"srv\":[\"3\"]}}");
        mn1.create("cse-mn1", "CAE1", ResourceType.AE, "{\"m2m:ae\":{\"rn\":\"CAE1\",\"api\":\"Nreader\",\"rr\":true,\"srv\":[\"3\"]}}");
        mn2.create("cse-mn2/CAE2", "CAE2", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"temp\"}}");

        Response denied = mn1.retrieve("/id-mn2/cse-mn2/CAE2/temp", "CAE1");
        assertThat(denied.statusCode()).isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
        assertThat(dbg(denied)).contains("/id-mn1/CAE1");

        grantAll(mn2, "cse-mn2/CAE2/temp", "CAE2", "/id-mn1/CAE1");
        Response allowed = mn1.retrieve("/id-mn2/cse-mn2/CAE2/temp", "CAE1");
        assertThat(allowed.statusCode()).isEqualTo(ResponseStatusCode.OK);
    }

    @Test
    void unknown_cse_id_at_the_root_gets_not_found_naming_it() {
        Response r = in.retrieve("/id-nowhere/cse-x", "CAdmin");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
        assertThat(dbg(r)).contains("unknown CSE-ID /id-nowhere", "not registered here and no registrar");
    }

    @Test
    void unknown_cse_id_at_an_mn_is_sent_up_to_its_registrar() {
        Response r = mn1.retrieve("/id-nowhere/cse-x", "CAdmin");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
        assertThat(dbg(r)).contains("unknown CSE-ID /id-nowhere");
        assertThat(r.from()).isEqualTo("/id-mn1");
    }

    @Test
    void a_second_cse_claiming_a_registered_cse_id_is_refused_and_takes_nothing_over() {
        try (MccNode impostor = MccNode.impostor(network, "impostor", "/id-mn1", "cse-other").registerTo(in, false)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> impostor.registrar.state() == CseRegistrar.State.REFUSED);
        }
        assertThat(in.store.get("id-mn1").orElseThrow().attributes().path("poa").get(0).asText())
                .isEqualTo("mem://id-mn1");
        assertThat(in.store.get("id-mn1").orElseThrow().attributes().path("cb").asText()).isEqualTo("/id-mn1/cse-mn1");
    }

    @Test
    void a_forwarding_loop_is_detected() {
        // The IN believes /id-ghost lives below MN1; MN1 does not know it and sends it up again.
        Response update = mn1.registrarClientUpdate("{\"m2m:csr\":{\"dcse\":[\"/id-ghost\"]}}");
        assertThat(update.statusCode()).isEqualTo(ResponseStatusCode.UPDATED);

        Response r = mn2.retrieve("/id-ghost/cse-ghost", "CAdmin");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.TARGET_NOT_REACHABLE);
        assertThat(dbg(r)).contains("forwarding loop detected");
    }

    @Test
    void subscription_on_mn2_notifies_an_ae_on_mn1() {
        String sink = network.sink("ae1-sink");
        mn1.create("cse-mn1", "CAE1", ResourceType.AE,
                "{\"m2m:ae\":{\"rn\":\"CAE1\",\"api\":\"Nreader\",\"rr\":true,\"srv\":[\"3\"],\"poa\":[\"" + sink + "\"]}}");
        mn2.create("cse-mn2", "CAE2", ResourceType.AE, "{\"m2m:ae\":{\"rn\":\"CAE2\",\"api\":\"Nsensor\",\"rr\":true,\"srv\":[\"3\"]}}");
        mn2.create("cse-mn2/CAE2", "CAE2", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"temp\"}}");
        grantAll(mn2, "cse-mn2/CAE2/temp", "CAE2", "/id-mn1/CAE1");

        Response sub = mn1.create("/id-mn2/cse-mn2/CAE2/temp", "CAE1", ResourceType.SUBSCRIPTION,
                "{\"m2m:sub\":{\"rn\":\"s1\",\"nu\":[\"/id-mn1/CAE1\"],\"enc\":{\"net\":[3]}}}");
        assertThat(sub.statusCode()).as(dbg(sub)).isEqualTo(ResponseStatusCode.CREATED);

        mn2.create("cse-mn2/CAE2/temp", "CAE2", ResourceType.CONTENT_INSTANCE, "{\"m2m:cin\":{\"con\":\"21.5\"}}");

        await().atMost(Duration.ofSeconds(5)).until(() -> network.sinkRequests.stream()
                .anyMatch(n -> n.content() != null && n.content().toString().contains("21.5")));
        Request notification = network.sinkRequests.stream()
                .filter(n -> n.content().toString().contains("21.5")).findFirst().orElseThrow();
        assertThat(notification.operation()).isEqualTo(Operation.NOTIFY);
        assertThat(notification.from()).isEqualTo("/id-mn2");
    }

    @Test
    void a_notification_for_an_unreachable_mn_waits_at_the_in_and_arrives_when_the_mn_is_back() {
        String sink = network.sink("ae1-sink");
        mn1.create("cse-mn1", "CAE1", ResourceType.AE,
                "{\"m2m:ae\":{\"rn\":\"CAE1\",\"api\":\"Nreader\",\"rr\":true,\"srv\":[\"3\"],\"poa\":[\"" + sink + "\"]}}");
        mn2.create("cse-mn2", "CAE2", ResourceType.AE, "{\"m2m:ae\":{\"rn\":\"CAE2\",\"api\":\"Nsensor\",\"rr\":true,\"srv\":[\"3\"]}}");
        mn2.create("cse-mn2/CAE2", "CAE2", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"temp\"}}");
        grantAll(mn2, "cse-mn2/CAE2/temp", "CAE2", "/id-mn1/CAE1");
        assertThat(mn1.create("/id-mn2/cse-mn2/CAE2/temp", "CAE1", ResourceType.SUBSCRIPTION,
                "{\"m2m:sub\":{\"rn\":\"s1\",\"nu\":[\"/id-mn1/CAE1\"],\"enc\":{\"net\":[3]}}}").statusCode())
                .isEqualTo(ResponseStatusCode.CREATED);

        network.detach("id-mn1"); // MN1 is unreachable from the IN
        for (String con : new String[] {"a1", "a2", "a3"}) {
            mn2.create("cse-mn2/CAE2/temp", "CAE2", ResourceType.CONTENT_INSTANCE, "{\"m2m:cin\":{\"con\":\"" + con + "\"}}");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> in.forwarder.queuedNotifications() == 3);
        assertThat(in.store.children("id-in", ResourceType.REQUEST, 0, 10)).as("kept in the IN's store").hasSize(3);

        network.attach("id-mn1", mn1.cse);
        await().atMost(Duration.ofSeconds(5)).until(() -> in.forwarder.queuedNotifications() == 0
                && network.sinkRequests.size() >= 3);
        assertThat(network.sinkRequests).extracting(n -> n.content().toString().replaceAll(".*\"con\":\"(a\\d)\".*", "$1"))
                .containsExactly("a1", "a2", "a3");
    }

    private static void grantAll(MccNode node, String resource, String owner, String originator) {
        Response acp = node.create(resource.substring(0, resource.indexOf('/')), "CAdmin",
                ResourceType.ACCESS_CONTROL_POLICY, "{\"m2m:acp\":{\"rn\":\"acp-" + owner + "\",\"pv\":{\"acr\":[{\"acor\":[\""
                        + originator + "\",\"" + owner + "\"],\"acop\":63}]},\"pvs\":{\"acr\":[{\"acor\":[\"" + owner
                        + "\",\"CAdmin\"],\"acop\":63}]}}}");
        assertThat(acp.statusCode()).as(dbg(acp)).isEqualTo(ResponseStatusCode.CREATED);
        String acpi = acp.content().path("m2m:acp").path("ri").asText();
        Response update = node.send(node.request(Operation.UPDATE, resource, "CAdmin")
                .content(ContentCodec.parse("{\"m2m:cnt\":{\"acpi\":[\"" + acpi + "\"]}}")));
        assertThat(update.statusCode()).as(dbg(update)).isEqualTo(ResponseStatusCode.UPDATED);
    }
}
