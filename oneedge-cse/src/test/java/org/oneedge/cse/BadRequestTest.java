package org.oneedge.cse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.Operation;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/** One test per kind of bad input: the right status code, a message naming the problem, and an unchanged store. */
class BadRequestTest {

    private TestCse t;
    private List<Resource> before;

    @BeforeEach
    void given_an_ae_with_a_container_and_one_instance() {
        t = TestCse.start();
        t.registerAe("CAE1", "AE1");
        t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"cnt\",\"mbs\":10}}");
        t.create("cse-in/AE1/cnt", "CAE1", ResourceType.CONTENT_INSTANCE, "{\"m2m:cin\":{\"rn\":\"cin1\",\"con\":\"x\"}}");
        before = snapshot();
    }

    @AfterEach
    void nothing_changed_in_the_store() {
        assertThat(snapshot()).isEqualTo(before);
        t.close();
    }

    private List<Resource> snapshot() {
        return t.store.descendants("cse-in", 0, Set.of());
    }

    private static void assertError(Response r, ResponseStatusCode rsc, String messagePart) {
        assertThat(r.statusCode()).as(r.debugMessage()).isEqualTo(rsc);
        assertThat(r.debugMessage()).contains(messagePart);
    }

    @Test
    void refuses_content_whose_root_key_does_not_match_ty() {
        assertError(t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:ae\":{}}"),
                ResponseStatusCode.BAD_REQUEST, "content root 'm2m:ae' does not match ty=3 (expected 'm2m:cnt')");
    }

    @Test
    void refuses_content_with_two_roots() {
        assertError(t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{},\"m2m:cin\":{}}"),
                ResponseStatusCode.BAD_REQUEST, "exactly one root element 'm2m:cnt'");
    }

    @Test
    void refuses_unknown_resource_type() {
        assertError(t.send(t.request(Operation.CREATE, "cse-in", "CAE1").resourceType(99)
                        .content(ContentCodec.parse("{\"m2m:x\":{}}"))),
                ResponseStatusCode.BAD_REQUEST, "unknown resource type ty=99");
    }

    @Test
    void refuses_ty_on_retrieve() {
        assertError(t.send(t.request(Operation.RETRIEVE, "cse-in", "CAE1").resourceType(3)),
                ResponseStatusCode.BAD_REQUEST, "ty) is only permitted on CREATE");
    }

    @Test
    void refuses_unknown_attribute() {
        assertError(t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"foo\":1}}"),
                ResponseStatusCode.BAD_REQUEST, "unknown attribute 'foo' for container");
    }

    @Test
    void refuses_read_only_attribute_on_create_and_update() {
        assertError(t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"cni\":3}}"),
                ResponseStatusCode.BAD_REQUEST, "attribute 'cni' of container is read-only");
        assertError(t.update("cse-in/AE1/cnt", "{\"m2m:cnt\":{\"ri\":\"x\"}}"),
                ResponseStatusCode.BAD_REQUEST, "attribute 'ri' of container is read-only");
    }

    @Test
    void refuses_update_of_create_only_attribute() {
        assertError(t.update("cse-in/AE1/cnt", "{\"m2m:cnt\":{\"rn\":\"other\"}}"),
                ResponseStatusCode.BAD_REQUEST, "attribute 'rn' of container cannot be updated");
    }

    @Test
    void refuses_wrong_value_type() {
        assertError(t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"mni\":-1}}"),
                ResponseStatusCode.BAD_REQUEST, "attribute 'mni' must be a non-negative integer");
        assertError(t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"lbl\":\"a\"}}"),
                ResponseStatusCode.BAD_REQUEST, "attribute 'lbl' must be a list of strings");
        assertError(t.update("cse-in/AE1/cnt", "{\"m2m:cnt\":{\"mbs\":\"big\"}}"),
                ResponseStatusCode.BAD_REQUEST, "attribute 'mbs' must be a non-negative integer");
    }

    @Test
    void refuses_missing_mandatory_attribute() {
        assertError(t.create("cse-in/AE1/cnt", "CAE1", ResourceType.CONTENT_INSTANCE, "{\"m2m:cin\":{\"cnf\":\"text/plain:0\"}}"),
                ResponseStatusCode.BAD_REQUEST, "mandatory attribute 'con' of contentInstance is missing");
    }

    @Test
    void refuses_removing_a_mandatory_attribute() {
        assertError(t.update("cse-in/AE1", "{\"m2m:ae\":{\"rr\":null}}"),
                ResponseStatusCode.BAD_REQUEST, "attribute 'rr' of AE is mandatory and cannot be removed");
    }

    @Test
    void refuses_non_null_creator() {
        assertError(t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"cr\":\"CAE1\"}}"),
                ResponseStatusCode.BAD_REQUEST, "attribute 'cr' must be null");
    }

    @Test
    void refuses_invalid_resource_name() {
        assertError(t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"bad name\"}}"),
                ResponseStatusCode.BAD_REQUEST, "resource name 'bad name' is invalid");
        assertError(t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"_x\"}}"),
                ResponseStatusCode.BAD_REQUEST, "resource name '_x' is invalid");
        assertError(t.create("cse-in/AE1/cnt", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"la\"}}"),
                ResponseStatusCode.BAD_REQUEST, "'la' is reserved");
    }

    @Test
    void refuses_sibling_name_clash_with_conflict() {
        assertError(t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"cnt\"}}"),
                ResponseStatusCode.CONFLICT, "a resource named 'cnt' already exists below 'cse-in/AE1'");
    }

    @Test
    void refuses_expiration_time_in_the_past() {
        assertError(t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"et\":\"20000101T000000\"}}"),
                ResponseStatusCode.BAD_REQUEST, "attribute 'et' (20000101T000000) lies in the past");
        assertError(t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"et\":\"tomorrow\"}}"),
                ResponseStatusCode.BAD_REQUEST, "attribute 'et' must be a timestamp");
    }

    @Test
    void refuses_unknown_target_naming_it() {
        assertError(t.retrieve("cse-in/AE1/nothing"), ResponseStatusCode.NOT_FOUND, "target 'cse-in/AE1/nothing'");
        assertError(t.create("cse-in/nope", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{}}"),
                ResponseStatusCode.NOT_FOUND, "target 'cse-in/nope'");
        assertError(t.retrieve("cnt000"), ResponseStatusCode.NOT_FOUND, "target 'cnt000'");
    }

    @Test
    void refuses_missing_originator() {
        assertError(t.send(t.request(Operation.RETRIEVE, "cse-in", null)),
                ResponseStatusCode.BAD_REQUEST, "the originator (fr) is missing");
        assertError(t.create("cse-in/AE1", null, ResourceType.CONTAINER, "{\"m2m:cnt\":{}}"),
                ResponseStatusCode.BAD_REQUEST, "the originator (fr) is missing");
    }

    @Test
    void refuses_missing_or_unsupported_release_version() {
        assertError(t.send(t.request(Operation.RETRIEVE, "cse-in", "CAE1").releaseVersion(null)),
                ResponseStatusCode.RELEASE_VERSION_NOT_SUPPORTED, "rvi) is missing");
        Response r = t.send(t.request(Operation.RETRIEVE, "cse-in", "CAE1").releaseVersion("1"));
        assertError(r, ResponseStatusCode.RELEASE_VERSION_NOT_SUPPORTED, "release version '1' is not supported");
        assertThat(r.releaseVersion()).isEqualTo("1");
    }

    @Test
    void refuses_child_type_the_parent_does_not_accept() {
        assertError(t.create("cse-in/AE1/cnt", "CAE1", ResourceType.AE,
                        "{\"m2m:ae\":{\"api\":\"Nx\",\"rr\":true,\"srv\":[\"3\"]}}"),
                ResponseStatusCode.INVALID_CHILD_RESOURCE_TYPE, "type AE (ty=2) is not allowed as a child of container 'cse-in/AE1/cnt'");
        assertError(t.create("cse-in/AE1/cnt/cin1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{}}"),
                ResponseStatusCode.INVALID_CHILD_RESOURCE_TYPE, "not allowed as a child of contentInstance");
    }

    @Test
    void refuses_update_of_a_content_instance() {
        assertError(t.update("cse-in/AE1/cnt/cin1", "{\"m2m:cin\":{\"lbl\":[\"a\"]}}"),
                ResponseStatusCode.OPERATION_NOT_ALLOWED, "a contentInstance cannot be updated");
    }

    @Test
    void refuses_create_update_delete_of_the_cse_base() {
        assertError(t.create("cse-in", "CAdmin", ResourceType.CSE_BASE, "{\"m2m:cb\":{}}"),
                ResponseStatusCode.OPERATION_NOT_ALLOWED, "cannot be created");
        assertError(t.update("cse-in", "{\"m2m:cb\":{\"lbl\":[\"x\"]}}"),
                ResponseStatusCode.OPERATION_NOT_ALLOWED, "a CSEBase cannot be updated");
        assertError(t.delete("cse-in"), ResponseStatusCode.OPERATION_NOT_ALLOWED, "a CSEBase cannot be deleted");
    }

    @Test
    void refuses_result_content_not_valid_for_the_operation() {
        assertError(t.send(t.request(Operation.RETRIEVE, "cse-in/AE1", "CAE1").resultContent(2)),
                ResponseStatusCode.BAD_REQUEST, "rcn=2 (HIERARCHICAL_ADDRESS) is not valid for RETRIEVE");
        assertError(t.send(t.request(Operation.UPDATE, "cse-in/AE1", "CAE1").resultContent(4)
                        .content(TestCse.json("{\"m2m:ae\":{\"lbl\":[\"x\"]}}"))),
                ResponseStatusCode.BAD_REQUEST, "rcn=4");
        assertError(t.send(t.request(Operation.RETRIEVE, "cse-in/AE1", "CAE1").resultContent(42)),
                ResponseStatusCode.BAD_REQUEST, "unknown result content rcn=42");
    }

    @Test
    void refuses_content_instance_larger_than_max_byte_size() {
        assertError(t.create("cse-in/AE1/cnt", "CAE1", ResourceType.CONTENT_INSTANCE,
                        "{\"m2m:cin\":{\"con\":\"01234567890\"}}"),
                ResponseStatusCode.NOT_ACCEPTABLE, "content size 11 bytes exceeds the maxByteSize (mbs) 10");
    }

    @Test
    void refuses_create_and_update_of_virtual_resources() {
        assertError(t.create("cse-in/AE1/cnt/la", "CAE1", ResourceType.CONTENT_INSTANCE, "{\"m2m:cin\":{\"con\":\"x\"}}"),
                ResponseStatusCode.OPERATION_NOT_ALLOWED, "virtual resource 'la'");
        assertError(t.update("cse-in/AE1/cnt/ol", "{\"m2m:cin\":{\"con\":\"x\"}}"),
                ResponseStatusCode.OPERATION_NOT_ALLOWED, "virtual resource 'ol'");
    }

    @Test
    void refuses_acpi_update_mixed_with_other_attributes() {
        assertError(t.update("cse-in/AE1/cnt", "{\"m2m:cnt\":{\"acpi\":[\"acp1\"],\"mni\":3}}"),
                ResponseStatusCode.BAD_REQUEST, "an UPDATE of 'acpi' must not change other attributes");
    }

    @Test
    void refuses_malformed_target_address() {
        assertError(t.retrieve("cse-in//AE1"), ResponseStatusCode.BAD_REQUEST, "empty path segment");
    }

    @Test
    void refuses_a_request_that_expired_before_it_arrived() {
        assertError(t.send(t.request(Operation.RETRIEVE, "cse-in", "CAE1").requestExpirationTimestamp("20200101T000000")),
                ResponseStatusCode.REQUEST_TIMEOUT, "the request expired (rqet 20200101T000000)");
        assertError(t.send(t.request(Operation.RETRIEVE, "cse-in", "CAE1").requestExpirationTimestamp("soon")),
                ResponseStatusCode.BAD_REQUEST, "rqet 'soon'");
        assertThat(t.send(t.request(Operation.RETRIEVE, "cse-in", "CAE1").requestExpirationTimestamp("5000"))
                .statusCode()).isEqualTo(ResponseStatusCode.OK);
    }
}
