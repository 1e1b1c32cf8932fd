package org.oneedge.cse.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.subscription.TestNode;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/** {@code <node>}, {@code <mgmtObj>} specializations and the AE {@code nl} / node {@code hael} link, through Cse.send. */
class NodeTest {

    private static final String ADMIN = TestNode.ADMIN;
    private TestNode cse;

    @BeforeEach
    void givenANode() {
        cse = TestNode.start();
        Response node = cse.create("cse-in", ADMIN, ResourceType.NODE, "{\"m2m:nod\":{\"rn\":\"dev1\",\"ni\":\"urn:dev:1\"}}");
        assertThat(node.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
    }

    @AfterEach
    void tearDown() {
        cse.close();
    }

    private Response createMgmtObj(String json) {
        return cse.create("cse-in/dev1", ADMIN, ResourceType.MGMT_OBJ, json);
    }

    private void assertNothingBelowTheNode() {
        Response r = cse.cse.send(cse.request(org.oneedge.model.Operation.RETRIEVE, "cse-in/dev1", ADMIN)
                .resultContent(6).build());
        assertThat(r.content().at("/m2m:rrl/rrf")).isEmpty();
    }

    @Test
    void a_node_needs_its_node_id_and_is_listed_in_srt() {
        Response missing = cse.create("cse-in", ADMIN, ResourceType.NODE, "{\"m2m:nod\":{\"rn\":\"dev2\"}}");

        assertThat(missing.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(missing.debugMessage()).contains("mandatory attribute 'ni'");
        assertThat(cse.retrieve("cse-in/dev2", ADMIN).statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
        assertThat(cse.retrieve("cse-in", ADMIN).content().at("/m2m:cb/srt").toString()).contains("13", "14");
    }

    @Test
    void creates_a_battery_keyed_by_its_specialization_and_retrieves_it_so() {
        Response created = createMgmtObj("{\"m2m:bat\":{\"rn\":\"bat\",\"mgd\":1006,\"btl\":80,\"bts\":1}}");

        assertThat(created.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        JsonNode bat = cse.retrieve("cse-in/dev1/bat", ADMIN).content().get("m2m:bat");
        assertThat(bat.get("ty").asInt()).isEqualTo(13);
        assertThat(bat.get("btl").asInt()).isEqualTo(80);

        Response updated = cse.update("cse-in/dev1/bat", ADMIN, "{\"m2m:bat\":{\"btl\":42}}");
        assertThat(updated.statusCode()).isEqualTo(ResponseStatusCode.UPDATED);
        assertThat(updated.content().at("/m2m:bat/btl").asInt()).isEqualTo(42);

        Response children = cse.cse.send(cse.request(org.oneedge.model.Operation.RETRIEVE, "cse-in/dev1", ADMIN)
                .resultContent(4).build());
        assertThat(children.content().at("/m2m:nod/m2m:bat/0/rn").asText()).isEqualTo("bat");
    }

    @Test
    void refuses_battery_values_out_of_range_naming_them() {
        Response level = createMgmtObj("{\"m2m:bat\":{\"mgd\":1006,\"btl\":150,\"bts\":1}}");
        Response status = createMgmtObj("{\"m2m:bat\":{\"mgd\":1006,\"btl\":10,\"bts\":9}}");

        assertThat(level.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(level.debugMessage()).contains("'btl'").contains("0..100").contains("150");
        assertThat(status.debugMessage()).contains("'bts'").contains("1..7");
        assertNothingBelowTheNode();
    }

    @Test
    void refuses_a_value_update_out_of_range_and_keeps_the_old_value() {
        createMgmtObj("{\"m2m:bat\":{\"rn\":\"bat\",\"mgd\":1006,\"btl\":80,\"bts\":1}}");

        Response r = cse.update("cse-in/dev1/bat", ADMIN, "{\"m2m:bat\":{\"btl\":101}}");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(cse.retrieve("cse-in/dev1/bat", ADMIN).content().at("/m2m:bat/btl").asInt()).isEqualTo(80);
    }

    @Test
    void refuses_missing_mandatory_attributes_of_a_specialization() {
        Response r = createMgmtObj("{\"m2m:dvi\":{\"mgd\":1007,\"dlb\":\"x\",\"man\":\"ACME\",\"mod\":\"m\"}}");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(r.debugMessage()).contains("mandatory attribute 'dty' of deviceInfo");
        assertNothingBelowTheNode();
    }

    @Test
    void refuses_an_mgd_that_does_not_match_the_root_key_or_is_unknown() {
        Response mismatch = createMgmtObj("{\"m2m:bat\":{\"mgd\":1003,\"btl\":10,\"bts\":1}}");
        Response unknown = createMgmtObj("{\"m2m:bat\":{\"mgd\":4711,\"btl\":10,\"bts\":1}}");
        Response unknownKey = createMgmtObj("{\"m2m:xyz\":{\"mgd\":1006}}");

        assertThat(mismatch.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(mismatch.debugMessage()).contains("mgd=1006").contains("memory");
        assertThat(unknown.debugMessage()).contains("unknown mgmtDefinition");
        assertThat(unknownKey.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(unknownKey.debugMessage()).contains("'m2m:xyz'").contains("m2m:bat");
        assertNothingBelowTheNode();
    }

    @Test
    void mgd_cannot_be_updated_and_the_root_key_must_stay_the_specialization() {
        createMgmtObj("{\"m2m:mem\":{\"rn\":\"mem\",\"mgd\":1003,\"mma\":10,\"mmt\":100}}");

        Response mgd = cse.update("cse-in/dev1/mem", ADMIN, "{\"m2m:mem\":{\"mgd\":1006}}");
        Response otherKey = cse.update("cse-in/dev1/mem", ADMIN, "{\"m2m:bat\":{\"btl\":1}}");
        Response moreThanTotal = cse.update("cse-in/dev1/mem", ADMIN, "{\"m2m:mem\":{\"mma\":101}}");

        assertThat(mgd.debugMessage()).contains("'mgd'").contains("cannot be updated");
        assertThat(otherKey.debugMessage()).contains("expected 'm2m:mem'");
        assertThat(moreThanTotal.debugMessage()).contains("'mma' (101) must not exceed 'mmt' (100)");
    }

    @Test
    void a_mgmt_obj_lives_only_below_a_node() {
        Response r = cse.create("cse-in", ADMIN, ResourceType.MGMT_OBJ,
                "{\"m2m:bat\":{\"mgd\":1006,\"btl\":10,\"bts\":1}}");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.INVALID_CHILD_RESOURCE_TYPE);
    }

    @Test
    void every_specialization_is_accepted_with_its_mandatory_attributes() {
        String[] bodies = {
            "{\"m2m:fwr\":{\"mgd\":1001,\"vr\":\"1.0\",\"fwn\":\"fw\",\"url\":\"http://x/fw\",\"ud\":false}}",
            "{\"m2m:swr\":{\"mgd\":1002,\"vr\":\"1.0\",\"swn\":\"sw\",\"url\":\"http://x/sw\"}}",
            "{\"m2m:mem\":{\"mgd\":1003,\"mma\":1,\"mmt\":2}}",
            "{\"m2m:ani\":{\"mgd\":1004,\"ant\":\"802.15.4\",\"ldv\":[\"d1\"]}}",
            "{\"m2m:andi\":{\"mgd\":1005,\"dvd\":\"d1\",\"dvt\":\"sensor\",\"awi\":\"pan1\"}}",
            "{\"m2m:bat\":{\"mgd\":1006,\"btl\":100,\"bts\":7}}",
            "{\"m2m:dvi\":{\"mgd\":1007,\"dlb\":\"l\",\"man\":\"m\",\"mod\":\"o\",\"dty\":\"t\",\"fwv\":\"1\"}}",
            "{\"m2m:rbo\":{\"mgd\":1009,\"rbo\":false,\"far\":false}}",
            "{\"m2m:cmp\":{\"mgd\":1011,\"nm\":\"default\",\"cmlk\":[\"cmdf1\",\"cml1\",\"cmnr1\",\"cmbf1\"]}}",
            "{\"m2m:acmp\":{\"mgd\":1012,\"acmlk\":\"cmp1\"}}",
            "{\"m2m:cmdf\":{\"mgd\":1013,\"cmlk\":[\"cmdv1\",\"cmpv1\"]}}",
            "{\"m2m:cmdv\":{\"mgd\":1014,\"od\":1,\"dev\":3,\"ror\":[\"*\"]}}",
            "{\"m2m:cmpv\":{\"mgd\":1015,\"od\":1,\"aecs\":[3],\"dqet\":60000,\"dset\":-1,\"doet\":0,\"drp\":0,"
                    + "\"dda\":false}}",
            "{\"m2m:cml\":{\"mgd\":1016,\"od\":1,\"ror\":[\"*\"],\"lec\":[2,3,4],\"lqet\":[0,-1],\"lset\":[0,600000],"
                    + "\"loet\":[0,0],\"lrp\":[0,-1],\"lda\":[false]}}",
            "{\"m2m:cmnr\":{\"mgd\":1017,\"aecs\":[3,4],\"cmlk\":[\"cmwr1\"]}}",
            "{\"m2m:cmwr\":{\"mgd\":1018,\"ttn\":[\"cellular\"],\"mrv\":0,\"bop\":[1000,1000,60000]}}",
            "{\"m2m:cmbf\":{\"mgd\":1019,\"aecs\":[3],\"mbfs\":65536,\"sgp\":5}}",
        };
        for (String body : bodies) {
            Response r = createMgmtObj(body);
            assertThat(r.statusCode()).as(body + ": " + r.debugMessage()).isEqualTo(ResponseStatusCode.CREATED);
            String key = body.substring(2, body.indexOf('"', 2));
            assertThat(r.content().has(key)).as(key).isTrue();
            assertThat(r.content().get(key).get("ty").asInt()).isEqualTo(13);
        }
    }

    @Test
    void refuses_cmdh_policies_that_cannot_be_applied() {
        Response ec = createMgmtObj("{\"m2m:cmbf\":{\"mgd\":1019,\"aecs\":[7],\"mbfs\":1,\"sgp\":5}}");
        Response limits = createMgmtObj("{\"m2m:cml\":{\"mgd\":1016,\"od\":1,\"ror\":[\"*\"],\"lec\":[2],"
                + "\"lqet\":[500,100],\"lset\":[0,1],\"loet\":[0,0],\"lrp\":[0,0],\"lda\":[false]}}");
        Response backoff = createMgmtObj("{\"m2m:cmwr\":{\"mgd\":1018,\"ttn\":[\"wlan\"],\"bop\":[5000,1]}}");

        assertThat(ec.debugMessage()).contains("'aecs'").contains("7").contains("event category");
        assertThat(limits.debugMessage()).contains("'lqet'").contains("[500,100]");
        assertThat(backoff.debugMessage()).contains("'bop'");
        assertNothingBelowTheNode();
    }

    @Test
    void an_ae_with_a_node_link_appears_in_the_nodes_hael_until_it_leaves() {
        String nodeRi = TestNode.ri(cse.retrieve("cse-in/dev1", ADMIN));
        assertThat(cse.create("cse-in", "Cae1", ResourceType.AE, "{\"m2m:ae\":{\"rn\":\"AE1\",\"api\":\"Nx\","
                + "\"rr\":true,\"srv\":[\"3\"],\"nl\":\"" + nodeRi + "\"}}").statusCode())
                .isEqualTo(ResponseStatusCode.CREATED);
        assertThat(cse.retrieve("cse-in/dev1", ADMIN).content().at("/m2m:nod/hael").toString())
                .isEqualTo("[\"Cae1\"]");

        cse.create("cse-in", ADMIN, ResourceType.NODE, "{\"m2m:nod\":{\"rn\":\"dev2\",\"ni\":\"urn:dev:2\"}}");
        assertThat(cse.update("cse-in/AE1", "Cae1", "{\"m2m:ae\":{\"nl\":\"cse-in/dev2\"}}").statusCode())
                .isEqualTo(ResponseStatusCode.UPDATED);
        assertThat(cse.retrieve("cse-in/dev1", ADMIN).content().at("/m2m:nod/hael").toString()).isEqualTo("[]");
        assertThat(cse.retrieve("cse-in/dev2", ADMIN).content().at("/m2m:nod/hael").toString())
                .isEqualTo("[\"Cae1\"]");

        assertThat(cse.delete("cse-in/AE1", "Cae1").statusCode()).isEqualTo(ResponseStatusCode.DELETED);
        assertThat(cse.retrieve("cse-in/dev2", ADMIN).content().at("/m2m:nod/hael").toString()).isEqualTo("[]");
    }

    @Test
    void refuses_removing_the_node_id_or_unknown_attributes_and_keeps_the_node() {
        Response removeNi = cse.update("cse-in/dev1", ADMIN, "{\"m2m:nod\":{\"ni\":null}}");
        Response unknown = cse.update("cse-in/dev1", ADMIN, "{\"m2m:nod\":{\"btl\":3}}");

        assertThat(removeNi.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(removeNi.debugMessage()).contains("'ni'").contains("cannot be removed");
        assertThat(unknown.debugMessage()).contains("unknown attribute 'btl'");
        assertThat(cse.retrieve("cse-in/dev1", ADMIN).content().at("/m2m:nod/ni").asText()).isEqualTo("urn:dev:1");
    }

    @Test
    void a_node_link_to_no_node_leaves_every_node_alone() {
        Response ae = cse.create("cse-in", "Cae9", ResourceType.AE, "{\"m2m:ae\":{\"rn\":\"AE9\",\"api\":\"Nx\","
                + "\"rr\":true,\"srv\":[\"3\"],\"nl\":\"cse-in/noSuchNode\"}}");

        assertThat(ae.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(cse.retrieve("cse-in/dev1", ADMIN).content().at("/m2m:nod").has("hael")).isFalse();
    }
}
