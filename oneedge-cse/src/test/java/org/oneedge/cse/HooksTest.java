package org.oneedge.cse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.resource.AccessChecker;
import org.oneedge.cse.event.ResourceEvent;
import org.oneedge.cse.resource.AttributeSchema;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.resource.ValueType;
import org.oneedge.model.Operation;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

class HooksTest {

    @Test
    void listeners_hear_create_update_delete_with_originator_and_parent() {
        List<ResourceEvent> events = new CopyOnWriteArrayList<>();
        try (TestCse t = TestCse.start(b -> b.listener(events::add))) {
            t.registerAe("CAE1", "AE1");
            t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"c\"}}");
            t.create("cse-in/AE1/c", "CAE1", ResourceType.CONTENT_INSTANCE, "{\"m2m:cin\":{\"con\":\"x\"}}");
            t.update("cse-in/AE1/c", "{\"m2m:cnt\":{\"mni\":3}}");
            t.delete("cse-in/AE1");
            assertThat(events).hasSize(5);
            assertThat(events.get(0)).isInstanceOfSatisfying(ResourceEvent.Created.class, e -> {
                assertThat(e.resource().type()).isEqualTo(ResourceType.AE);
                assertThat(e.originator()).isEqualTo("CAE1");
            });
            assertThat(events.get(2)).isInstanceOfSatisfying(ResourceEvent.Created.class,
                    e -> assertThat(e.parent().attributes().get("cni").asInt()).isEqualTo(1));
            assertThat(events.get(3)).isInstanceOfSatisfying(ResourceEvent.Updated.class, e -> {
                assertThat(e.modifiedAttributes()).containsExactly("mni");
                assertThat(e.after().attributes().get("mni").asInt()).isEqualTo(3);
                assertThat(e.originator()).isEqualTo(TestCse.ADMIN);
            });
            assertThat(events.get(4)).isInstanceOfSatisfying(ResourceEvent.Deleted.class, e -> {
                assertThat(e.resource().rn()).isEqualTo("AE1");
                assertThat(e.cause()).isEqualTo(ResourceEvent.Cause.REQUEST);
                assertThat(e.removedDescendants()).extracting(r -> r.rn()).containsExactly("c");
            });
        }
    }

    @Test
    void capacity_removals_are_reported_with_their_cause() {
        List<ResourceEvent> events = new CopyOnWriteArrayList<>();
        try (TestCse t = TestCse.start(b -> b.listener(events::add))) {
            t.registerAe("CAE1", "AE1");
            t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"c\",\"mni\":1}}");
            t.create("cse-in/AE1/c", "CAE1", ResourceType.CONTENT_INSTANCE, "{\"m2m:cin\":{\"con\":\"1\"}}");
            t.create("cse-in/AE1/c", "CAE1", ResourceType.CONTENT_INSTANCE, "{\"m2m:cin\":{\"con\":\"2\"}}");
            assertThat(events).filteredOn(ResourceEvent.Deleted.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((ResourceEvent.Deleted) e).cause())
                            .isEqualTo(ResourceEvent.Cause.CAPACITY));
        }
    }

    @Test
    void a_failing_listener_does_not_fail_the_request() {
        try (TestCse t = TestCse.start(b -> b.listener(e -> {
            throw new IllegalStateException("boom");
        }))) {
            assertThat(t.registerAe("CAE1", "AE1").statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        }
    }

    @Test
    void refused_access_is_4103_and_the_admin_is_always_allowed() {
        AccessChecker onlyReads = (originator, privilege, target, request) ->
                privilege == Operation.RETRIEVE.privilege();
        try (TestCse t = TestCse.start(b -> b.accessChecker(onlyReads))) {
            assertThat(t.registerAe("CAE1", "AE1").statusCode()).isEqualTo(ResponseStatusCode.CREATED);
            Response r = t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{}}");
            assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
            assertThat(r.debugMessage()).isEqualTo(
                    "originator 'CAE1' has no privilege to CREATE a container below 'cse-in/AE1'");
            assertThat(t.create("cse-in/AE1", TestCse.ADMIN, ResourceType.CONTAINER, "{\"m2m:cnt\":{}}").statusCode())
                    .isEqualTo(ResponseStatusCode.CREATED);
            assertThat(t.send(t.request(Operation.RETRIEVE, "cse-in/AE1", "CAE1")).statusCode())
                    .isEqualTo(ResponseStatusCode.OK);
        }
    }

    @Test
    void handlers_registered_on_the_builder_become_creatable_types() {
        ResourceHandler group = new ResourceHandler() {
            @Override public ResourceType type() { return ResourceType.GROUP; }
            @Override public AttributeSchema schema() {
                return AttributeSchema.builder("group").mandatory("mid", ValueType.ANY_URI_LIST)
                        .mandatory("mnm", ValueType.POSITIVE_INTEGER).build();
            }
            @Override public java.util.Set<ResourceType> childTypes() { return java.util.Set.of(); }
        };
        try (TestCse t = TestCse.start(b -> b.handler(group))) {
            t.registerAe("CAE1", "AE1");
            Response r = t.create("cse-in/AE1", "CAE1", ResourceType.GROUP, "{\"m2m:grp\":{\"mid\":[],\"mnm\":3}}");
            assertThat(r.statusCode()).as(r.debugMessage()).isEqualTo(ResponseStatusCode.CREATED);
            assertThat(t.retrieve("cse-in").content().at("/m2m:cb/srt").toString()).contains("9");
        }
    }

    @Test
    void extensions_install_start_and_stop_with_the_cse() {
        AtomicInteger starts = new AtomicInteger();
        AtomicInteger stops = new AtomicInteger();
        List<ResourceEvent> events = new CopyOnWriteArrayList<>();
        CseExtension extension = new CseExtension() {
            @Override public void install(Installation installation) {
                installation.listener(events::add);
                assertThat(installation.config().cseId()).isEqualTo("/id-in");
            }
            @Override public void start() { starts.incrementAndGet(); }
            @Override public void stop() { stops.incrementAndGet(); }
        };
        TestCse t = TestCse.start(b -> b.extension(extension));
        t.registerAe("CAE1", "AE1");
        t.close();
        assertThat(starts).hasValue(1);
        assertThat(stops).hasValue(1);
        assertThat(events).hasSize(1);
    }
}
