package org.oneedge.cse.group;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.Cse;
import org.oneedge.cse.subscription.TestNode;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/** Groups through {@code Cse.send}: member validation rules (digest §7.3) and the fanOutPoint. */
class GroupTest {

    private static final String ADMIN = TestNode.ADMIN;
    private TestNode node;

    @BeforeEach
    void givenAnAeWithTwoContainers() {
        node = TestNode.start();
        assertThat(node.registerAe("Cae1", "AE1", null).statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        for (String rn : List.of("c1", "c2")) {
            assertThat(node.create("cse-in/AE1", "Cae1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"" + rn + "\"}}")
                    .statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        }
    }

    @AfterEach
    void tearDown() {
        node.close();
    }

    private Response createGroup(String from, String attributes) {
        return node.create("cse-in/AE1", from, ResourceType.GROUP, "{\"m2m:grp\":{\"rn\":\"g\"," + attributes + "}}");
    }

    private JsonNode group() {
        Response r = node.retrieve("cse-in/AE1/g", ADMIN);
        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.OK);
        return r.content().get("m2m:grp");
    }

    private void assertNoGroup() {
        assertThat(node.retrieve("cse-in/AE1/g", ADMIN).statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
    }

    @Test
    void creates_a_group_without_duplicate_members_counting_them() {
        Response r = createGroup("Cae1", "\"mnm\":3,\"mid\":[\"cse-in/AE1/c1\",\"cse-in/AE1/c1\",\"cse-in/AE1/c2\"]");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        JsonNode g = group();
        assertThat(g.get("mid")).hasSize(2);
        assertThat(g.get("cnm").asInt()).isEqualTo(2);
        assertThat(g.get("mt").asInt()).isZero();
        assertThat(g.get("csy").asInt()).isEqualTo(1);
        assertThat(g.get("mtv").asBoolean()).isTrue();
        assertThat(g.get("ty").asInt()).isEqualTo(9);
    }

    @Test
    void accepts_an_empty_member_list_and_the_cse_base_lists_groups_as_supported() {
        assertThat(createGroup("Cae1", "\"mnm\":1,\"mid\":[]").statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(group().get("cnm").asInt()).isZero();
        assertThat(node.retrieve("cse-in", ADMIN).content().at("/m2m:cb/srt").toString()).contains("9");
    }

    @Test
    void refuses_more_members_than_mnm_with_6010() {
        Response r = createGroup("Cae1", "\"mnm\":1,\"mid\":[\"cse-in/AE1/c1\",\"cse-in/AE1/c2\"]");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.MAX_NUMBER_OF_MEMBER_EXCEEDED);
        assertThat(r.debugMessage()).contains("mnm").contains("2");
        assertNoGroup();
    }

    @Test
    void refuses_lowering_mnm_below_the_member_count_with_6010_and_keeps_the_group() {
        createGroup("Cae1", "\"mnm\":5,\"mid\":[\"cse-in/AE1/c1\",\"cse-in/AE1/c2\"]");

        Response r = node.update("cse-in/AE1/g", "Cae1", "{\"m2m:grp\":{\"mnm\":1}}");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.MAX_NUMBER_OF_MEMBER_EXCEEDED);
        assertThat(r.debugMessage()).contains("cnm=2");
        assertThat(group().get("mnm").asInt()).isEqualTo(5);
    }

    @Test
    void refuses_a_member_that_does_not_exist_with_4004() {
        Response r = createGroup("Cae1", "\"mnm\":5,\"mid\":[\"cse-in/AE1/c1\",\"cse-in/AE1/nothing\"]");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
        assertThat(r.debugMessage()).contains("member 'cse-in/AE1/nothing' does not exist");
        assertNoGroup();
    }

    @Test
    void refuses_bad_attributes_with_4000_naming_them() {
        assertThat(createGroup("Cae1", "\"mid\":[]").debugMessage()).contains("mandatory attribute 'mnm'");
        assertThat(createGroup("Cae1", "\"mnm\":2").debugMessage()).contains("mandatory attribute 'mid'");
        Response csy = createGroup("Cae1", "\"mnm\":2,\"mid\":[],\"csy\":7");
        assertThat(csy.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(csy.debugMessage()).contains("'csy'");
        Response mt = createGroup("Cae1", "\"mnm\":2,\"mid\":[],\"mt\":777");
        assertThat(mt.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(mt.debugMessage()).contains("'mt' (777)");
        assertThat(createGroup("Cae1", "\"mnm\":2,\"mid\":[],\"cnm\":0").debugMessage()).contains("read-only");
        assertNoGroup();
    }

    @Test
    void mt_and_csy_are_fixed_after_create() {
        createGroup("Cae1", "\"mnm\":2,\"mid\":[]");

        Response mt = node.update("cse-in/AE1/g", "Cae1", "{\"m2m:grp\":{\"mt\":3}}");
        Response csy = node.update("cse-in/AE1/g", "Cae1", "{\"m2m:grp\":{\"csy\":2}}");

        assertThat(mt.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(mt.debugMessage()).contains("'mt'").contains("cannot be updated");
        assertThat(csy.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(group().get("mt").asInt()).isZero();
    }

    @Test
    void abandon_member_drops_members_of_another_type() {
        Response r = createGroup("Cae1", "\"mt\":3,\"csy\":1,\"mnm\":5,\"mid\":[\"cse-in/AE1/c1\",\"cse-in/AE1\"]");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(group().get("mid").toString()).isEqualTo("[\"cse-in/AE1/c1\"]");
        assertThat(group().get("cnm").asInt()).isEqualTo(1);
    }

    @Test
    void abandon_group_refuses_a_member_of_another_type_with_4110() {
        Response r = createGroup("Cae1", "\"mt\":3,\"csy\":2,\"mnm\":5,\"mid\":[\"cse-in/AE1/c1\",\"cse-in/AE1\"]");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.GROUP_MEMBER_TYPE_INCONSISTENT);
        assertThat(r.debugMessage()).contains("'cse-in/AE1'").contains("mt=3");
        assertNoGroup();
    }

    @Test
    void set_mixed_keeps_every_member_and_makes_the_group_mixed() {
        Response r = createGroup("Cae1", "\"mt\":3,\"csy\":3,\"mnm\":5,\"mid\":[\"cse-in/AE1/c1\",\"cse-in/AE1\"]");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(group().get("mt").asInt()).isZero();
        assertThat(group().get("cnm").asInt()).isEqualTo(2);
    }

    @Test
    void members_may_be_given_by_resource_id_and_by_sp_relative_address() {
        String c1 = TestNode.ri(node.retrieve("cse-in/AE1/c1", ADMIN));
        Response r = createGroup("Cae1", "\"mt\":3,\"csy\":2,\"mnm\":5,\"mid\":[\"" + c1 + "\",\"/id-in/cse-in/AE1/c2\"]");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(group().get("cnm").asInt()).isEqualTo(2);
    }

    @Test
    void a_member_the_originator_may_not_retrieve_is_refused_with_5105() {
        node.registerAe("Cae2", "AE2", null);

        Response r = node.create("cse-in/AE2", "Cae2", ResourceType.GROUP,
                "{\"m2m:grp\":{\"rn\":\"g\",\"mnm\":5,\"mid\":[\"cse-in/AE1/c1\"]}}");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.RECEIVER_HAS_NO_PRIVILEGE);
        assertThat(r.debugMessage()).contains("cse-in/AE1/c1").contains("Cae2");
    }

    @Test
    void fan_out_retrieves_every_member_and_aggregates_the_answers() {
        createGroup("Cae1", "\"mnm\":5,\"mid\":[\"cse-in/AE1/c1\",\"cse-in/AE1/c2\"]");

        Response r = node.retrieve("cse-in/AE1/g/fopt", "Cae1");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.OK);
        JsonNode rsp = r.content().at("/m2m:agr/m2m:rsp");
        assertThat(rsp).hasSize(2);
        assertThat(rsp.get(0).get("rsc").asInt()).isEqualTo(2000);
        assertThat(rsp.get(0).get("fr").asText()).isEqualTo("cse-in/AE1/c1");
        assertThat(rsp.get(0).get("to").asText()).isEqualTo("Cae1");
        assertThat(rsp.get(0).at("/pc/m2m:cnt/rn").asText()).isEqualTo("c1");
        assertThat(rsp.get(1).at("/pc/m2m:cnt/rn").asText()).isEqualTo("c2");
        assertThat(rsp.get(1).get("rqi").asText()).isNotEmpty();
    }

    @Test
    void fan_out_appends_the_path_below_fopt_to_each_member() {
        createGroup("Cae1", "\"mnm\":5,\"mid\":[\"cse-in/AE1/c1\",\"cse-in/AE1/c2\"]");

        Response created = node.create("cse-in/AE1/g/fopt", "Cae1", ResourceType.CONTENT_INSTANCE,
                "{\"m2m:cin\":{\"con\":\"on\"}}");
        Response latest = node.retrieve("cse-in/AE1/g/fopt/la", "Cae1");

        assertThat(created.statusCode()).isEqualTo(ResponseStatusCode.OK);
        assertThat(created.content().at("/m2m:agr/m2m:rsp/0/rsc").asInt()).isEqualTo(2001);
        assertThat(node.retrieve("cse-in/AE1/c2", ADMIN).content().at("/m2m:cnt/cni").asInt()).isEqualTo(1);
        assertThat(latest.content().at("/m2m:agr/m2m:rsp/1/pc/m2m:cin/con").asText()).isEqualTo("on");
    }

    @Test
    void fan_out_to_an_empty_group_answers_4109() {
        createGroup("Cae1", "\"mnm\":5,\"mid\":[]");

        Response r = node.retrieve("cse-in/AE1/g/fopt", "Cae1");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.NO_MEMBERS);
        assertThat(r.debugMessage()).contains("no members");
    }

    @Test
    void fan_out_needs_the_privilege_on_the_group_and_each_member_checks_its_own() {
        createGroup("Cae1", "\"mnm\":5,\"mid\":[\"cse-in/AE1/c1\"]");
        node.registerAe("Cae2", "AE2", null);

        Response refused = node.retrieve("cse-in/AE1/g/fopt", "Cae2");
        assertThat(refused.statusCode()).isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);

        Response acp = node.create("cse-in/AE1", "Cae1", ResourceType.ACCESS_CONTROL_POLICY,
                "{\"m2m:acp\":{\"rn\":\"macp\",\"pv\":{\"acr\":[{\"acor\":[\"Cae2\"],\"acop\":2}]},"
                        + "\"pvs\":{\"acr\":[{\"acor\":[\"Cae1\"],\"acop\":63}]}}}");
        assertThat(node.update("cse-in/AE1/g", "Cae1", "{\"m2m:grp\":{\"macp\":[\"" + TestNode.ri(acp) + "\"]}}")
                .statusCode()).isEqualTo(ResponseStatusCode.UPDATED);

        Response fannedOut = node.retrieve("cse-in/AE1/g/fopt", "Cae2");
        assertThat(fannedOut.statusCode()).isEqualTo(ResponseStatusCode.OK);
        assertThat(fannedOut.content().at("/m2m:agr/m2m:rsp/0/rsc").asInt()).isEqualTo(4103);
        assertThat(node.retrieve("cse-in/AE1/g", "Cae2").statusCode())
                .isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
    }

    @Test
    void a_group_reached_again_by_its_own_fan_out_answers_4104_instead_of_looping() {
        createGroup("Cae1", "\"mnm\":5,\"mid\":[\"cse-in/AE1/c1\"]");
        assertThat(node.update("cse-in/AE1/g", "Cae1",
                "{\"m2m:grp\":{\"mid\":[\"cse-in/AE1/c1\",\"cse-in/AE1/g/fopt\"]}}").statusCode())
                .isEqualTo(ResponseStatusCode.UPDATED);

        Response r = node.retrieve("cse-in/AE1/g/fopt", "Cae1");

        assertThat(r.content().at("/m2m:agr/m2m:rsp/0/rsc").asInt()).isEqualTo(2000);
        JsonNode inner = r.content().at("/m2m:agr/m2m:rsp/1");
        assertThat(inner.get("rsc").asInt()).isEqualTo(4104);
    }

    @Test
    void fopt_is_a_reserved_name_below_a_group() {
        createGroup("Cae1", "\"mnm\":5,\"mid\":[]");

        Response r = node.create("cse-in/AE1/g", "Cae1", ResourceType.SUBSCRIPTION,
                "{\"m2m:sub\":{\"rn\":\"fopt\",\"nu\":[\"Cae1\"]}}");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(r.debugMessage()).contains("reserved");
    }

    @Test
    void members_on_other_cses_are_kept_unvalidated_and_reached_through_the_forwarder() {
        List<Request> forwarded = new CopyOnWriteArrayList<>();
        try (Cse cse = Cse.builder().forwarder((request, target) -> {
            forwarded.add(request);
            return Response.of(ResponseStatusCode.OK, null);
        }).build()) {
            cse.start();
            Request create = Request.builder().operation(Operation.CREATE).to("cse-in").from(ADMIN)
                    .releaseVersion("3").requestId("1").resourceType(ResourceType.GROUP)
                    .content(org.oneedge.model.ContentCodec.parse(
                            "{\"m2m:grp\":{\"rn\":\"g\",\"mnm\":2,\"mid\":[\"/id-mn/cnt7\"]}}")).build();
            Response created = cse.send(create);
            assertThat(created.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
            assertThat(created.content().at("/m2m:grp/mtv").asBoolean()).isFalse();

            Response r = cse.send(Request.builder().operation(Operation.RETRIEVE).to("cse-in/g/fopt/la")
                    .from(ADMIN).releaseVersion("3").requestId("2").build());

            assertThat(r.content().at("/m2m:agr/m2m:rsp/0/fr").asText()).isEqualTo("/id-mn/cnt7");
            assertThat(forwarded).singleElement().satisfies(f -> {
                assertThat(f.to()).isEqualTo("/id-mn/cnt7/la");
                assertThat(f.groupRequestIdentifier()).isNotBlank();
            });
        }
    }

    @Test
    void deleting_a_member_removes_it_from_the_groups_that_list_it() {
        createGroup("Cae1", "\"mnm\":5,\"mid\":[\"cse-in/AE1/c1\",\"cse-in/AE1/c2\"]");
        String c2 = TestNode.ri(node.retrieve("cse-in/AE1/c2", ADMIN));
        node.create("cse-in/AE1", "Cae1", ResourceType.GROUP,
                "{\"m2m:grp\":{\"rn\":\"byRi\",\"mnm\":5,\"mid\":[\"" + c2 + "\",\"cse-in/AE1/g/fopt\"]}}");

        assertThat(node.delete("cse-in/AE1/c2", "Cae1").statusCode()).isEqualTo(ResponseStatusCode.DELETED);

        assertThat(group().get("mid").toString()).isEqualTo("[\"cse-in/AE1/c1\"]");
        assertThat(group().get("cnm").asInt()).isEqualTo(1);
        assertThat(node.retrieve("cse-in/AE1/byRi", ADMIN).content().at("/m2m:grp/mid").toString())
                .isEqualTo("[\"cse-in/AE1/g/fopt\"]");

        assertThat(node.delete("cse-in/AE1/g", "Cae1").statusCode()).isEqualTo(ResponseStatusCode.DELETED);
        assertThat(node.retrieve("cse-in/AE1/byRi", ADMIN).content().at("/m2m:grp/cnm").asInt()).isZero();
    }

    @Test
    void fopt_is_reached_by_resource_id_and_by_sp_relative_address_too() {
        Response created = createGroup("Cae1", "\"mnm\":5,\"mid\":[\"cse-in/AE1/c1\"]");
        String groupRi = TestNode.ri(created);

        Response byRi = node.retrieve(groupRi + "/fopt", "Cae1");
        Response spRelative = node.retrieve("/id-in/cse-in/AE1/g/fopt", "Cae1");

        assertThat(byRi.content().at("/m2m:agr/m2m:rsp/0/pc/m2m:cnt/rn").asText()).isEqualTo("c1");
        assertThat(spRelative.content().at("/m2m:agr/m2m:rsp/0/pc/m2m:cnt/rn").asText()).isEqualTo("c1");
    }

    @Test
    void a_fan_out_to_a_path_that_is_not_there_reports_each_members_4004() {
        createGroup("Cae1", "\"mnm\":5,\"mid\":[\"cse-in/AE1/c1\",\"cse-in/AE1/c2\"]");

        Response r = node.retrieve("cse-in/AE1/g/fopt/nothing", "Cae1");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.OK);
        assertThat(r.content().at("/m2m:agr/m2m:rsp/0/rsc").asInt()).isEqualTo(4004);
        assertThat(r.content().at("/m2m:agr/m2m:rsp/1/pc/m2m:dbg").asText()).contains("cse-in/AE1/c2/nothing");
    }

    @Test
    void a_create_through_fopt_of_a_type_the_members_cannot_hold_is_refused_with_4108() {
        createGroup("Cae1", "\"mt\":3,\"mnm\":5,\"mid\":[\"cse-in/AE1/c1\"]");

        Response r = node.create("cse-in/AE1/g/fopt", "Cae1", ResourceType.AE,
                "{\"m2m:ae\":{\"api\":\"Nx\",\"rr\":true,\"srv\":[\"3\"]}}");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.INVALID_CHILD_RESOURCE_TYPE);
        assertThat(r.debugMessage()).contains("ty=2").contains("mt=3");
        assertThat(node.retrieve("cse-in/AE1/c1", ADMIN).content().at("/m2m:cnt/cni").asInt()).isZero();
    }

    @Test
    void an_update_naming_a_missing_member_is_refused_and_the_members_stay() {
        createGroup("Cae1", "\"mnm\":5,\"mid\":[\"cse-in/AE1/c1\"]");

        Response r = node.update("cse-in/AE1/g", "Cae1", "{\"m2m:grp\":{\"mid\":[\"cse-in/AE1/c2\",\"cse-in/AE1/x\"]}}");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
        assertThat(r.debugMessage()).contains("'cse-in/AE1/x'");
        assertThat(group().get("mid").toString()).isEqualTo("[\"cse-in/AE1/c1\"]");
    }
}
