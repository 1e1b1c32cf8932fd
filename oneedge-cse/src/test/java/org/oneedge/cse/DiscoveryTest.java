package org.oneedge.cse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.model.FilterCriteria;
import org.oneedge.model.Operation;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

class DiscoveryTest {

    private TestCse t;

    @BeforeEach
    void given_two_aes_with_labelled_containers() {
        t = TestCse.start(b -> b.accessChecker((originator, privilege, target, request) ->
                !target.path().contains("secret")));
        t.registerAe("CAE1", "AE1");
        t.registerAe("CAE2", "AE2");
        t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER,
                "{\"m2m:cnt\":{\"rn\":\"temp\",\"lbl\":[\"type:temperature\",\"room:1\"],\"mni\":5}}");
        t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER,
                "{\"m2m:cnt\":{\"rn\":\"hum\",\"lbl\":[\"type:humidity\"],\"mni\":7}}");
        t.create("cse-in/AE2", "CAE2", ResourceType.CONTAINER,
                "{\"m2m:cnt\":{\"rn\":\"secret\",\"lbl\":[\"type:temperature\"]}}");
        t.create("cse-in/AE1/temp", "CAE1", ResourceType.CONTENT_INSTANCE,
                "{\"m2m:cin\":{\"con\":\"21.5\",\"cnf\":\"text/plain:0\"}}");
        t.create("cse-in/AE1/temp", "CAE1", ResourceType.CONTENT_INSTANCE,
                "{\"m2m:cin\":{\"con\":\"{\\\"v\\\":22}\",\"cnf\":\"application/json:0\"}}");
    }

    @AfterEach
    void close() {
        t.close();
    }

    private List<String> discover(String to, FilterCriteria fc, Integer drt) {
        Response r = t.send(t.request(Operation.RETRIEVE, to, "CAE1").filterCriteria(fc)
                .desiredIdentifierResultType(drt));
        assertThat(r.statusCode()).as(r.debugMessage()).isEqualTo(ResponseStatusCode.OK);
        List<String> uris = new ArrayList<>();
        for (JsonNode n : r.content().get("m2m:uril")) {
            uris.add(n.asText());
        }
        return uris;
    }

    private static FilterCriteria fc(Integer fo, List<Integer> ty, List<String> lbl, Map<String, String> attrs,
                                     Integer lim, Integer ofst, Integer lvl, List<String> cty) {
        return new FilterCriteria(1, fo, ty, lbl, null, null, null, null, null, null, null, null, null, null, null,
                cty, lim, ofst, lvl, null, attrs);
    }

    @Test
    void finds_resources_by_type() {
        assertThat(discover("cse-in", fc(null, List.of(3), null, null, null, null, null, null), null))
                .containsExactly("cse-in/AE1/temp", "cse-in/AE1/hum");
    }

    @Test
    void finds_resources_by_label_and_leaves_out_what_the_originator_may_not_discover() {
        assertThat(discover("cse-in", fc(null, null, List.of("type:temperature"), null, null, null, null, null), null))
                .containsExactly("cse-in/AE1/temp");
    }

    @Test
    void combines_conditions_with_and_by_default_and_or_when_asked() {
        FilterCriteria and = fc(null, List.of(3), List.of("type:humidity"), null, null, null, null, null);
        FilterCriteria or = fc(2, List.of(2), List.of("type:humidity"), null, null, null, null, null);
        assertThat(discover("cse-in", and, null)).containsExactly("cse-in/AE1/hum");
        assertThat(discover("cse-in", or, null)).containsExactly("cse-in/AE1", "cse-in/AE2", "cse-in/AE1/hum");
    }

    @Test
    void matches_attribute_conditions_with_wildcards() {
        assertThat(discover("cse-in", fc(null, null, null, Map.of("mni", "7"), null, null, null, null), null))
                .containsExactly("cse-in/AE1/hum");
        assertThat(discover("cse-in", fc(null, null, null, Map.of("rn", "te*"), null, null, null, null), null))
                .containsExactly("cse-in/AE1/temp");
    }

    @Test
    void matches_content_type() {
        assertThat(discover("cse-in/AE1", fc(null, null, null, null, null, null, null, List.of("application/json")), null))
                .hasSize(1);
    }

    @Test
    void applies_level_offset_and_limit() {
        assertThat(discover("cse-in", fc(null, null, null, null, null, null, 1, null), null))
                .containsExactly("cse-in/AE1", "cse-in/AE2");
        assertThat(discover("cse-in", fc(null, List.of(3), null, null, 1, 2, null, null), null))
                .containsExactly("cse-in/AE1/hum");
    }

    @Test
    void answers_unstructured_ids_when_asked() {
        List<String> ids = discover("cse-in", fc(null, List.of(2), null, null, null, null, null, null), 2);
        assertThat(ids).containsExactly("/id-in/CAE1", "/id-in/CAE2");
    }

    @Test
    void answers_resource_references_with_rcn_6() {
        Response r = t.send(t.request(Operation.RETRIEVE, "cse-in", "CAE1").resultContent(6)
                .filterCriteria(fc(null, List.of(2), null, null, null, null, null, null)));
        assertThat(r.content().at("/m2m:rrl/rrf/0/nm").asText()).isEqualTo("AE1");
        assertThat(r.content().at("/m2m:rrl/rrf/0/typ").asInt()).isEqualTo(2);
    }

    @Test
    void conditional_retrieve_of_a_non_matching_target_is_not_found() {
        FilterCriteria wrongLabel = new FilterCriteria(2, null, null, List.of("type:none"), null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null);
        Response r = t.send(t.request(Operation.RETRIEVE, "cse-in/AE1/temp", "CAE1").filterCriteria(wrongLabel));
        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
        assertThat(r.debugMessage()).contains("does not match the filter criteria");
    }
}
