package org.oneedge.cse.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

class RemoteCseRegistrationTest {

    private final InProcessNetwork network = new InProcessNetwork();
    private final MccNode in = MccNode.in(network);

    @AfterEach
    void stop() {
        in.close();
    }

    private Response register(String from, String csr) {
        return in.create("cse-in", from, ResourceType.REMOTE_CSE, "{\"m2m:csr\":" + csr + "}");
    }

    private static String dbg(Response r) {
        return r.content().path("m2m:dbg").asText();
    }

    @Test
    void registers_a_cse_with_csi_from_the_originator_and_ri_without_slash() {
        Response r = register("/id-mn1", "{\"rn\":\"id-mn1\",\"cb\":\"/id-mn1/cse-mn1\",\"csi\":\"/id-mn1\","
                + "\"rr\":true,\"srv\":[\"3\"],\"cst\":2,\"poa\":[\"mem://id-mn1\"]}");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(r.content().path("m2m:csr").path("ri").asText()).isEqualTo("id-mn1");
        assertThat(r.content().path("m2m:csr").path("csi").asText()).isEqualTo("/id-mn1");
        assertThat(in.store.get("id-mn1")).map(Resource::type).contains(ResourceType.REMOTE_CSE);
    }

    @Test
    void refuses_an_update_by_another_cse_with_the_same_cse_id() {
        assertThat(register("/id-mn1", "{\"cb\":\"/id-mn1/cse-mn1\",\"rr\":true,\"srv\":[\"3\"],"
                + "\"poa\":[\"mem://first\"]}").statusCode()).isEqualTo(ResponseStatusCode.CREATED);

        Response takeover = in.send(in.request(org.oneedge.model.Operation.UPDATE, "id-mn1", "/id-mn1")
                .content(org.oneedge.model.ContentCodec.parse("{\"m2m:csr\":{\"cb\":\"/id-mn1/cse-other\","
                        + "\"poa\":[\"mem://second\"]}}")));

        assertThat(takeover.statusCode()).isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_ALREADY_REGISTERED);
        assertThat(dbg(takeover)).contains("/id-mn1", "cse-mn1", "cse-other", "conflicting");
        assertThat(in.store.get("id-mn1").orElseThrow().attributes().path("poa").toString()).contains("mem://first");
    }

    @Test
    void refuses_an_ae_originator() {
        Response r = register("CAE1", "{\"cb\":\"/id-mn1/cse-mn1\",\"rr\":true,\"srv\":[\"3\"]}");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
        assertThat(dbg(r)).contains("'CAE1'", "CSE-ID");
        assertThat(in.store.get("id-mn1")).isEmpty();
    }

    @Test
    void refuses_a_csi_that_differs_from_the_originator() {
        Response r = register("/id-mn1", "{\"cb\":\"/id-mn1/cse-mn1\",\"csi\":\"/id-mn9\",\"rr\":true,\"srv\":[\"3\"]}");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(dbg(r)).contains("'csi'", "/id-mn9", "/id-mn1");
    }

    @Test
    void refuses_a_second_registration_of_the_same_cse_id() {
        String csr = "{\"cb\":\"/id-mn1/cse-mn1\",\"rr\":true,\"srv\":[\"3\"]}";
        assertThat(register("/id-mn1", csr).statusCode()).isEqualTo(ResponseStatusCode.CREATED);

        Response again = register("/id-mn1", csr);

        assertThat(again.statusCode()).isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_ALREADY_REGISTERED);
        assertThat(dbg(again)).contains("/id-mn1", "already registered", "UPDATE");
        assertThat(in.store.children("id-in", ResourceType.REMOTE_CSE, 0, 10)).hasSize(1);
    }

    @Test
    void refuses_an_in_cse_as_registree() {
        Response r = register("/id-other", "{\"cb\":\"/id-other/cse-other\",\"rr\":true,\"srv\":[\"3\"],\"cst\":1}");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(dbg(r)).contains("IN-CSE", "cst=1");
    }

    @Test
    void refuses_a_cse_base_address_of_another_cse() {
        Response r = register("/id-mn1", "{\"cb\":\"/id-mn2/cse-mn2\",\"rr\":true,\"srv\":[\"3\"]}");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(dbg(r)).contains("'cb'", "/id-mn1/<CSEBase name>");
    }

    @Test
    void refuses_the_registrar_label_from_a_registree() {
        Response r = register("/id-mn1", "{\"cb\":\"/id-mn1/cse-mn1\",\"rr\":true,\"srv\":[\"3\"],"
                + "\"lbl\":[\"" + RemoteCseHandler.REGISTRAR_LABEL + "\"]}");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(dbg(r)).contains("reserved");
    }

    @Test
    void refuses_registrations_at_an_asn_cse() {
        MccNode asn = MccNode.asn(network, "asn1");
        try {
            Response r = asn.create("cse-asn1", "/id-mn1", ResourceType.REMOTE_CSE,
                    "{\"m2m:csr\":{\"cb\":\"/id-mn1/cse-mn1\",\"rr\":true,\"srv\":[\"3\"]}}");

            assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.OPERATION_NOT_ALLOWED);
            assertThat(dbg(r)).contains("ASN-CSE");
        } finally {
            asn.close();
        }
    }
}
