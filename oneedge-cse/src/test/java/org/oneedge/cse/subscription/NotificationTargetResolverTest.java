package org.oneedge.cse.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.Write;
import org.oneedge.model.ResourceType;

class NotificationTargetResolverTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final InMemoryResourceStore store = new InMemoryResourceStore();
    private final NotificationTargetResolver resolver =
            new NotificationTargetResolver(store, "/id-in", "sp.example", url -> url.startsWith("http://"));
    private int tick;

    @BeforeEach
    void givenEntities() throws Exception {
        put("id-in", "", ResourceType.CSE_BASE, "cse-in", "cse-in", "{}");
        put("Creach", "id-in", ResourceType.AE, "A1", "cse-in/A1",
                "{\"aei\":\"Creach\",\"rr\":true,\"poa\":[\"mqtt://b/t\",\"http://a1.test\"]}");
        put("Cpoll", "id-in", ResourceType.AE, "A2", "cse-in/A2", "{\"aei\":\"Cpoll\",\"rr\":false,\"poa\":[\"http://x\"]}");
        put("Cnopoa", "id-in", ResourceType.AE, "A3", "cse-in/A3", "{\"aei\":\"Cnopoa\",\"rr\":true}");
        put("id-mn", "id-in", ResourceType.REMOTE_CSE, "mn", "cse-in/mn", "{\"csi\":\"/id-mn\",\"poa\":[\"http://mn.test\"]}");
    }

    private void put(String ri, String pi, ResourceType type, String rn, String path, String json) throws Exception {
        Instant t = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(tick++);
        store.apply(new Write.Create(new Resource(ri, pi, type, rn, path, t, t, null, (ObjectNode) JSON.readTree(json))));
    }

    @Test
    void resolves_ae_ids_in_every_form_to_the_first_supported_poa() {
        for (String id : new String[] {"Creach", "/id-in/Creach", "//sp.example/id-in/Creach", "cse-in/A1"}) {
            assertThat(resolver.resolve(id)).isEqualTo(new NotificationTarget.Reachable(id, "http://a1.test", id));
        }
    }

    @Test
    void urls_are_used_as_they_are() {
        assertThat(resolver.resolve("http://h:1/p")).isEqualTo(new NotificationTarget.Reachable("http://h:1/p",
                "http://h:1/p", "http://h:1/p"));
        assertThat(resolver.resolve("coap://h/p")).isInstanceOf(NotificationTarget.Unreachable.class);
    }

    @Test
    void aes_at_another_cse_go_through_its_remote_cse() {
        assertThat(resolver.resolve("/id-mn/Cfar")).isEqualTo(new NotificationTarget.Reachable("/id-mn/Cfar",
                "http://mn.test", "/id-mn/Cfar"));
        assertThat(resolver.resolve("/id-xx/Cfar")).isInstanceOf(NotificationTarget.Unreachable.class);
    }

    @Test
    void aes_without_poa_or_with_rr_false_are_unreachable() {
        assertThat(resolver.resolve("Cpoll")).isInstanceOfSatisfying(NotificationTarget.Unreachable.class,
                u -> assertThat(u.reason()).contains("rr=false"));
        assertThat(resolver.resolve("Cnopoa")).isInstanceOfSatisfying(NotificationTarget.Unreachable.class,
                u -> assertThat(u.reason()).contains("no poa"));
        assertThat(resolver.resolve("Cunknown")).isInstanceOf(NotificationTarget.Unreachable.class);
        assertThat(resolver.resolve("cse-in")).isInstanceOf(NotificationTarget.Unreachable.class);
    }

    @Test
    void aes_with_rr_false_or_without_poa_go_to_their_polling_channel_queue_when_it_is_installed() {
        NotificationTargetResolver withPolling = new NotificationTargetResolver(store, "/id-in", "sp.example",
                url -> url.startsWith("http://") || url.startsWith("oneedge-poll:"));

        assertThat(withPolling.resolve("Cpoll")).isEqualTo(new NotificationTarget.Reachable("Cpoll",
                "oneedge-poll:Cpoll", "Cpoll"));
        assertThat(withPolling.resolve("Cnopoa")).isEqualTo(new NotificationTarget.Reachable("Cnopoa",
                "oneedge-poll:Cnopoa", "Cnopoa"));
        assertThat(withPolling.resolve("Creach")).isEqualTo(new NotificationTarget.Reachable("Creach",
                "http://a1.test", "Creach"));
    }
}
