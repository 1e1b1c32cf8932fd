package org.oneedge.cse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.model.Address;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

class AddressingTest {

    private TestCse t;
    private String cntRi;

    @BeforeEach
    void given_a_container() {
        t = TestCse.start();
        t.registerAe("CAE1", "AE1");
        cntRi = t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"cnt1\"}}")
                .content().at("/m2m:cnt/ri").asText();
        t.create("cse-in/AE1/cnt1", "CAE1", ResourceType.CONTENT_INSTANCE, "{\"m2m:cin\":{\"con\":\"v1\"}}");
    }

    @AfterEach
    void close() {
        t.close();
    }

    private String riAt(String to) {
        Response r = t.retrieve(to);
        assertThat(r.statusCode()).as(to + ": " + r.debugMessage()).isEqualTo(ResponseStatusCode.OK);
        return r.content().elements().next().get("ri").asText();
    }

    @Test
    void every_form_of_address_reaches_the_same_container() {
        assertThat(riAt("cse-in/AE1/cnt1")).isEqualTo(cntRi);
        assertThat(riAt("-/AE1/cnt1")).isEqualTo(cntRi);
        assertThat(riAt(cntRi)).isEqualTo(cntRi);
        assertThat(riAt("CAE1/cnt1")).isEqualTo(cntRi);
        assertThat(riAt("/id-in/cse-in/AE1/cnt1")).isEqualTo(cntRi);
        assertThat(riAt("/id-in/" + cntRi)).isEqualTo(cntRi);
        assertThat(riAt("//oneedge.example/id-in/cse-in/AE1/cnt1")).isEqualTo(cntRi);
        assertThat(riAt("//oneedge.example/id-in/" + cntRi)).isEqualTo(cntRi);
    }

    @Test
    void the_cse_id_alone_names_the_cse_base() {
        assertThat(riAt("/id-in")).isEqualTo("id-in");
        assertThat(riAt("id-in")).isEqualTo("id-in");
    }

    @Test
    void hybrid_address_reaches_virtual_children() {
        Response la = t.retrieve(cntRi + "/la");
        assertThat(la.content().at("/m2m:cin/con").asText()).isEqualTo("v1");
    }

    @Test
    void requests_for_another_cse_go_to_the_forwarder() {
        Response r = t.retrieve("/id-mn1/cse-mn1");
        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
        assertThat(r.debugMessage()).contains("unknown CSE-ID /id-mn1");
        assertThat(t.retrieve("//other.sp/id-in/cse-in").debugMessage()).contains("unknown CSE-ID //other.sp/id-in");
    }

    @Test
    void a_forwarder_on_the_builder_receives_remote_targets() {
        java.util.List<Address> seen = new java.util.ArrayList<>();
        try (TestCse other = TestCse.start(b -> b.forwarder((request, target) -> {
            seen.add(target);
            return Response.of(ResponseStatusCode.OK, null);
        }))) {
            assertThat(other.retrieve("/id-mn1/cse-mn1/AE9").statusCode()).isEqualTo(ResponseStatusCode.OK);
            assertThat(seen).singleElement().satisfies(a -> {
                assertThat(a.cseId()).isEqualTo("/id-mn1");
                assertThat(a.path()).isEqualTo("cse-mn1/AE9");
            });
        }
    }

    @Test
    void attribute_address_returns_only_that_attribute() {
        Response r = t.retrieve("cse-in/AE1/cnt1#cni");
        assertThat(r.content().toString()).isEqualTo("{\"m2m:cnt\":{\"cni\":1}}");
    }

    @Test
    void response_echoes_request_id_release_version_and_names_the_cse() {
        Response r = t.send(t.request(org.oneedge.model.Operation.RETRIEVE, "cse-in", "CAE1").requestId("abc")
                .releaseVersion("4"));
        assertThat(r.requestId()).isEqualTo("abc");
        assertThat(r.releaseVersion()).isEqualTo("4");
        assertThat(r.from()).isEqualTo("/id-in");
        assertThat(r.to()).isEqualTo("CAE1");
    }

    @Test
    void cse_base_carries_its_configuration_and_current_time() {
        Response r = t.retrieve("cse-in");
        assertThat(r.content().at("/m2m:cb/csi").asText()).isEqualTo("/id-in");
        assertThat(r.content().at("/m2m:cb/cst").asInt()).isEqualTo(1);
        assertThat(r.content().at("/m2m:cb/srv").toString()).isEqualTo("[\"2a\",\"3\",\"4\",\"5\"]");
        assertThat(r.content().at("/m2m:cb/srt").toString()).contains("2", "3", "4", "5");
        assertThat(r.content().at("/m2m:cb/ctm").asText()).matches("\\d{8}T\\d{6},\\d{6}");
    }
}
