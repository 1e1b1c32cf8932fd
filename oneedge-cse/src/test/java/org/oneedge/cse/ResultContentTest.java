package org.oneedge.cse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.model.FilterCriteria;
import org.oneedge.model.Operation;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

class ResultContentTest {

    private TestCse t;

    @BeforeEach
    void given_a_container_with_three_instances() {
        t = TestCse.start();
        t.registerAe("CAE1", "AE1");
        t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"cnt\"}}");
        for (String con : new String[] {"a", "b", "c"}) {
            t.create("cse-in/AE1/cnt", "CAE1", ResourceType.CONTENT_INSTANCE,
                    "{\"m2m:cin\":{\"rn\":\"" + con + "\",\"con\":\"" + con + "\"}}");
        }
    }

    @AfterEach
    void close() {
        t.close();
    }

    private Response createWith(int rcn) {
        return t.send(t.request(Operation.CREATE, "cse-in/AE1", "CAE1").resourceType(ResourceType.CONTAINER)
                .resultContent(rcn).content(TestCse.json("{\"m2m:cnt\":{\"rn\":\"r" + rcn + "\"}}")));
    }

    private Response retrieveWith(int rcn, FilterCriteria fc) {
        return t.send(t.request(Operation.RETRIEVE, "cse-in/AE1/cnt", "CAE1").resultContent(rcn).filterCriteria(fc));
    }

    private static FilterCriteria fc(Integer lim, Integer ofst, Integer lvl) {
        return new FilterCriteria(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, lim, ofst, lvl, null, null);
    }

    @Test
    void create_answers_nothing_attributes_address_or_both() {
        assertThat(createWith(0).content()).isNull();
        assertThat(createWith(1).content().at("/m2m:cnt/rn").asText()).isEqualTo("r1");
        assertThat(createWith(2).content().toString()).isEqualTo("{\"m2m:uri\":\"cse-in/AE1/r2\"}");
        Response both = createWith(3);
        assertThat(both.content().at("/m2m:rce/uri").asText()).isEqualTo("cse-in/AE1/r3");
        assertThat(both.content().at("/m2m:rce/cnt/rn").asText()).isEqualTo("r3");
        assertThat(both.contentLocation()).isEqualTo("cse-in/AE1/r3");
    }

    @Test
    void retrieve_with_children_nests_them_by_type() {
        Response r = retrieveWith(4, FilterCriteria.NONE);
        assertThat(r.content().at("/m2m:cnt/rn").asText()).isEqualTo("cnt");
        assertThat(r.content().at("/m2m:cnt/m2m:cin")).hasSize(3);
        assertThat(r.content().at("/m2m:cnt/m2m:cin/0/con").asText()).isEqualTo("a");
    }

    @Test
    void retrieve_with_limit_and_offset_marks_partial_content() {
        Response r = retrieveWith(8, fc(1, 2, null));
        assertThat(r.content().at("/m2m:cnt").has("rn")).isFalse();
        assertThat(r.content().at("/m2m:cnt/m2m:cin")).hasSize(1);
        assertThat(r.content().at("/m2m:cnt/m2m:cin/0/con").asText()).isEqualTo("b");
        assertThat(r.contentStatus()).isEqualTo(1);
        assertThat(r.contentOffset()).isEqualTo(3);
    }

    @Test
    void retrieve_with_child_references_lists_name_type_and_address() {
        Response refs = retrieveWith(6, FilterCriteria.NONE);
        assertThat(refs.content().at("/m2m:rrl/rrf")).hasSize(3);
        assertThat(refs.content().at("/m2m:rrl/rrf/0/nm").asText()).isEqualTo("a");
        assertThat(refs.content().at("/m2m:rrl/rrf/0/typ").asInt()).isEqualTo(4);
        assertThat(refs.content().at("/m2m:rrl/rrf/0/val").asText()).isEqualTo("cse-in/AE1/cnt/a");
        Response both = retrieveWith(5, FilterCriteria.NONE);
        assertThat(both.content().at("/m2m:cnt/rn").asText()).isEqualTo("cnt");
        assertThat(both.content().at("/m2m:cnt/ch")).hasSize(3);
    }

    @Test
    void level_bounds_the_depth_of_children() {
        Response r = t.send(t.request(Operation.RETRIEVE, "cse-in/AE1", "CAE1").resultContent(6)
                .filterCriteria(fc(null, null, 1)));
        assertThat(r.content().at("/m2m:rrl/rrf")).hasSize(1);
    }

    @Test
    void update_answers_nothing_when_asked() {
        Response r = t.send(t.request(Operation.UPDATE, "cse-in/AE1/cnt", "CAE1").resultContent(0)
                .content(TestCse.json("{\"m2m:cnt\":{\"mni\":5}}")));
        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.UPDATED);
        assertThat(r.content()).isNull();
    }

    @Test
    void delete_answers_nothing_by_default_and_the_resource_when_asked() {
        assertThat(t.delete("cse-in/AE1/cnt/a").content()).isNull();
        Response r = t.send(t.request(Operation.DELETE, "cse-in/AE1/cnt/b", "CAE1").resultContent(1));
        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.DELETED);
        assertThat(r.content().at("/m2m:cin/con").asText()).isEqualTo("b");
    }

    @Test
    void modified_attributes_are_what_the_cse_set_beyond_the_request() {
        Response created = createWith(9);
        assertThat(created.content().at("/m2m:cnt").has("ri")).isTrue();
        assertThat(created.content().at("/m2m:cnt").has("cni")).isTrue();
        assertThat(created.content().at("/m2m:cnt").has("rn")).isFalse();
        Response updated = t.send(t.request(Operation.UPDATE, "cse-in/AE1/cnt", "CAE1").resultContent(9)
                .content(TestCse.json("{\"m2m:cnt\":{\"mni\":5}}")));
        assertThat(updated.content().at("/m2m:cnt").has("mni")).isFalse();
        assertThat(updated.content().at("/m2m:cnt").has("lt")).isTrue();
        assertThat(updated.content().at("/m2m:cnt/st").asInt()).isEqualTo(4);
    }
}
