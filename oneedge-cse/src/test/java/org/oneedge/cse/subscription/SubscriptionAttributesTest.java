package org.oneedge.cse.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResponseStatusCode;

class SubscriptionAttributesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Subscription check(String json) throws Exception {
        return Subscription.check("sub1", "cnt1", (ObjectNode) JSON.readTree(json));
    }

    private static void refused(String json, String messagePart) {
        assertThatThrownBy(() -> check(json))
                .isInstanceOf(OneM2MException.class)
                .hasMessageContaining(messagePart)
                .extracting(e -> ((OneM2MException) e).statusCode())
                .isEqualTo(ResponseStatusCode.BAD_REQUEST);
    }

    @Test
    void defaults_to_update_of_resource_with_all_attributes() throws Exception {
        Subscription sub = check("{\"nu\":[\"CAE1\"]}");
        assertThat(sub.criteria().eventTypes()).containsExactly(NotificationEventType.UPDATE_OF_RESOURCE);
        assertThat(sub.contentType()).isEqualTo(NotificationContentType.ALL_ATTRIBUTES);
        assertThat(sub.expirationCounter()).isNull();
    }

    @Test
    void reads_the_notification_attributes() throws Exception {
        Subscription sub = check("{\"nu\":[\"http://x\"],\"enc\":{\"net\":[3,4],\"chty\":[4]},\"nct\":3,\"exc\":2,"
                + "\"su\":\"CAE9\",\"bn\":{\"num\":5,\"dur\":\"PT2S\"},\"ln\":true,\"nec\":2}");
        assertThat(sub.criteria().eventTypes()).containsExactlyInAnyOrder(
                NotificationEventType.CREATE_OF_DIRECT_CHILD_RESOURCE, NotificationEventType.DELETE_OF_DIRECT_CHILD_RESOURCE);
        assertThat(sub.contentType()).isEqualTo(NotificationContentType.RESOURCE_ID);
        assertThat(sub.expirationCounter()).isEqualTo(2);
        assertThat(sub.subscriberUri()).isEqualTo("CAE9");
        assertThat(sub.batchNotify()).isEqualTo(new Subscription.BatchNotify(5, Duration.ofSeconds(2)));
        assertThat(sub.latestNotify()).isTrue();
        assertThat(sub.eventCategory()).isEqualTo("2");
    }

    @Test
    void refuses_wrong_combinations_with_bad_request() {
        refused("{}", "nu");
        refused("{\"nu\":[]}", "nu");
        refused("{\"nu\":[\"CAE1\"],\"enc\":{\"net\":[3],\"nct\":2}}", "unknown condition tag 'nct'");
        refused("{\"nu\":[\"CAE1\"],\"enc\":{\"net\":[3]},\"nct\":2}", "nct 2");
        refused("{\"nu\":[\"CAE1\"],\"enc\":{\"net\":[1],\"om\":[{\"ops\":1}]}}", "om cannot be combined");
        refused("{\"nu\":[\"CAE1\"],\"enc\":{\"net\":[3],\"atr\":[\"lbl\"]}}", "atr needs net 1");
        refused("{\"nu\":[\"CAE1\"],\"enc\":{\"net\":[1],\"chty\":[4]}}", "chty needs net 3 or 4");
        refused("{\"nu\":[\"CAE1\"],\"enc\":{\"net\":[0]}}", "not a notification event type");
        refused("{\"nu\":[\"CAE1\"],\"enc\":{\"net\":[7]}}", "not supported");
        refused("{\"nu\":[\"CAE1\"],\"enc\":{\"net\":[3],\"chty\":[999]}}", "not a known resource type");
        refused("{\"nu\":[\"CAE1\"],\"exc\":0}", "exc");
        refused("{\"nu\":[\"CAE1\"],\"nct\":9}", "nct");
        refused("{\"nu\":[\"CAE1\"],\"bn\":{\"dur\":\"PT1S\"}}", "bn/num");
        refused("{\"nu\":[\"CAE1\"],\"enc\":{\"crb\":\"yesterday\"}}", "enc/crb");
    }

    @Test
    void modified_attributes_are_allowed_only_for_updates() throws Exception {
        assertThat(check("{\"nu\":[\"CAE1\"],\"enc\":{\"net\":[1]},\"nct\":2}").contentType())
                .isEqualTo(NotificationContentType.MODIFIED_ATTRIBUTES);
        refused("{\"nu\":[\"CAE1\"],\"enc\":{\"net\":[1,2]},\"nct\":2}", "not allowed with net 2");
    }
}
