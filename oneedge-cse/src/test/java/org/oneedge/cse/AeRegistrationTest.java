package org.oneedge.cse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.model.Operation;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

class AeRegistrationTest {

    private final TestCse t = TestCse.start();

    @AfterEach
    void close() {
        t.close();
    }

    private Response register(String from, String api, String rvi) {
        return t.send(t.request(Operation.CREATE, "cse-in", from).releaseVersion(rvi).resourceType(ResourceType.AE)
                .content(TestCse.json("{\"m2m:ae\":{\"api\":\"" + api + "\",\"rr\":false,\"srv\":[\"3\"]}}")));
    }

    @Test
    void uses_the_c_originator_as_ae_id_and_ri() {
        Response r = register("Csensor1", "Nsensor", "3");
        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(r.content().at("/m2m:ae/aei").asText()).isEqualTo("Csensor1");
        assertThat(r.content().at("/m2m:ae/ri").asText()).isEqualTo("Csensor1");
        assertThat(r.content().at("/m2m:ae/pi").asText()).isEqualTo("id-in");
        assertThat(t.retrieve("Csensor1").statusCode()).isEqualTo(ResponseStatusCode.OK);
    }

    @Test
    void assigns_an_ae_id_when_the_originator_is_absent_or_only_c_or_s() {
        Response absent = register(null, "Nx", "3");
        Response c = register("C", "Nx", "3");
        Response s = register("S", "Nx", "3");
        assertThat(absent.content().at("/m2m:ae/aei").asText()).startsWith("C").hasSizeGreaterThan(5);
        assertThat(c.content().at("/m2m:ae/aei").asText()).startsWith("C").hasSizeGreaterThan(5);
        assertThat(s.content().at("/m2m:ae/aei").asText()).startsWith("S").hasSizeGreaterThan(5);
        assertThat(absent.content().at("/m2m:ae/aei").asText()).isNotEqualTo(c.content().at("/m2m:ae/aei").asText());
    }

    @Test
    void refuses_an_originator_that_is_already_registered() {
        register("Cdup", "Nx", "3");
        Response again = register("Cdup", "Nx", "3");
        assertThat(again.statusCode()).isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_ALREADY_REGISTERED);
        assertThat(again.debugMessage()).contains("'Cdup' is already registered");
    }

    @Test
    void allows_registering_again_after_deregistration() {
        register("Cback", "Nx", "3");
        assertThat(t.delete("Cback").statusCode()).isEqualTo(ResponseStatusCode.DELETED);
        assertThat(register("Cback", "Nx", "3").statusCode()).isEqualTo(ResponseStatusCode.CREATED);
    }

    @Test
    void refuses_app_ids_not_starting_with_r_or_n() {
        Response r = register("Cx", "xapp", "3");
        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(r.debugMessage()).contains("attribute 'api' ('xapp') must start with 'R'");
    }

    @Test
    void tolerates_lower_case_r_only_up_to_release_3() {
        assertThat(register("Cold", "rold.app", "2a").statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(register("Cnew", "rnew.app", "4").statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
    }

    @Test
    void refuses_originators_that_are_not_ae_ids() {
        Response r = register("/id-mn1", "Nx", "3");
        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.APP_RULE_VALIDATION_FAILED);
    }

    @Test
    void requires_request_reachability_and_supported_release_versions() {
        Response r = t.send(t.request(Operation.CREATE, "cse-in", "Cx").resourceType(ResourceType.AE)
                .content(TestCse.json("{\"m2m:ae\":{\"api\":\"Nx\",\"srv\":[\"3\"]}}")));
        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(r.debugMessage()).contains("mandatory attribute 'rr' of AE is missing");
    }

    @Test
    void updates_an_ae_and_changes_last_modified_time() {
        Response created = register("Cupd", "Nx", "3");
        Response updated = t.update("Cupd", "{\"m2m:ae\":{\"poa\":[\"http://127.0.0.1:9000\"],\"lbl\":[\"a\"]}}");
        assertThat(updated.statusCode()).isEqualTo(ResponseStatusCode.UPDATED);
        assertThat(updated.content().at("/m2m:ae/poa/0").asText()).isEqualTo("http://127.0.0.1:9000");
        assertThat(updated.content().at("/m2m:ae/lt").asText())
                .isGreaterThan(created.content().at("/m2m:ae/lt").asText());
        Response removed = t.update("Cupd", "{\"m2m:ae\":{\"lbl\":null}}");
        assertThat(removed.content().at("/m2m:ae").has("lbl")).isFalse();
    }

    @Test
    void deregistration_removes_the_whole_subtree() {
        register("Ctree", "Nx", "3");
        String rn = t.retrieve("Ctree").content().at("/m2m:ae/rn").asText();
        t.create("Ctree", "Ctree", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"c\"}}");
        t.create("cse-in/" + rn + "/c", "Ctree", ResourceType.CONTENT_INSTANCE, "{\"m2m:cin\":{\"con\":\"v\"}}");
        assertThat(t.delete("cse-in/" + rn).statusCode()).isEqualTo(ResponseStatusCode.DELETED);
        assertThat(t.retrieve("cse-in/" + rn + "/c").statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
        assertThat(t.store.descendants("cse-in", 0, java.util.Set.of())).isEmpty();
    }

    @Test
    void accepts_sp_relative_forms_of_the_ae_id() {
        assertThat(register("/id-in/Clocal", "Nx", "3").content().at("/m2m:ae/aei").asText()).isEqualTo("Clocal");
        assertThat(register("/Sglobal", "Nx", "3").content().at("/m2m:ae/aei").asText()).isEqualTo("Sglobal");
    }
}
