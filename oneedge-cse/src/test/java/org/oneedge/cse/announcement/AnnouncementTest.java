package org.oneedge.cse.announcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.Cse;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.CseType;
import org.oneedge.cse.remote.CseRegistrar;
import org.oneedge.cse.remote.RegistrarConfig;
import org.oneedge.cse.remote.RemoteCseForwarder;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.FilterCriteria;
import org.oneedge.model.Operation;
import org.oneedge.model.RemoteSender;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/** An MN-CSE announces an AE, its container and an instance to the IN-CSE it is registered to. */
class AnnouncementTest {

    private final InMemoryResourceStore inStore = new InMemoryResourceStore();
    private final InMemoryResourceStore mnStore = new InMemoryResourceStore();
    private final Cse[] nodes = new Cse[2];
    private final RemoteSender network = new RemoteSender() {
        @Override
        public boolean supports(String url) {
            return url.startsWith("mem://");
        }

        @Override
        public Response send(String url, Request request) {
            return (url.equals("mem://in") ? nodes[0] : nodes[1]).send(request);
        }
    };
    private CseRegistrar registrar;

    private Cse node(CseConfig config, InMemoryResourceStore store) {
        Cse cse = Cse.builder().config(config).store(store).remoteSender(network)
                .forwarder(new RemoteCseForwarder(config, store, List.of(network)))
                .extension(new AnnouncementExtension()).build();
        cse.start();
        return cse;
    }

    @AfterEach
    void stop() {
        registrar.close();
        nodes[1].close();
        nodes[0].close();
    }

    private static Request.Builder request(Operation op, String to) {
        return Request.builder().operation(op).to(to).from("CAdmin").releaseVersion("3").requestId("a" + System.nanoTime());
    }

    private static String ri(Response r, String root) {
        return r.content().path(root).path("ri").asText();
    }

    @Test
    void announced_copies_appear_at_the_target_and_go_with_the_original() {
        CseConfig inConfig = CseConfig.defaults().withPointOfAccess(List.of("mem://in"));
        CseConfig mnConfig = CseConfig.defaults().withCseId("/id-mn1").withCseBaseName("cse-mn1")
                .withCseType(CseType.MN).withPointOfAccess(List.of("mem://mn1"));
        nodes[0] = node(inConfig, inStore);
        nodes[1] = node(mnConfig, mnStore);
        registrar = new CseRegistrar(RegistrarConfig.builder("/id-in", "cse-in", List.of("mem://in"))
                .retryInterval(Duration.ofMillis(50)).build(), mnConfig, nodes[1], mnStore, List.of(network));
        registrar.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> registrar.state() == CseRegistrar.State.REGISTERED);
        Cse mn = nodes[1];

        Response ae = mn.send(request(Operation.CREATE, "cse-mn1").from("Cmeter").resourceType(ResourceType.AE)
                .content(ContentCodec.parse("{\"m2m:ae\":{\"rn\":\"meter\",\"api\":\"Nmeter\",\"rr\":true,"
                        + "\"srv\":[\"3\"],\"at\":[\"/id-in\"],\"lbl\":[\"kind/meter\"]}}")).build());
        assertThat(ae.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        await().atMost(Duration.ofSeconds(5)).until(() -> inStore.getByPath("cse-in/id-mn1/Cmeter").isPresent());
        Response cnt = mn.send(request(Operation.CREATE, "cse-mn1/meter").from("Cmeter")
                .resourceType(ResourceType.CONTAINER)
                .content(ContentCodec.parse("{\"m2m:cnt\":{\"rn\":\"power\",\"at\":[\"/id-in\"]}}")).build());
        String cntRi = ri(cnt, "m2m:cnt");
        String copyPath = "cse-in/id-mn1/Cmeter/" + cntRi;
        await().atMost(Duration.ofSeconds(5)).until(() -> inStore.getByPath(copyPath).isPresent());

        Resource copy = inStore.getByPath(copyPath).orElseThrow();
        assertThat(copy.type()).isEqualTo(ResourceType.CONTAINER_ANNC);
        assertThat(copy.attributes().path("lnk").asText()).isEqualTo("/id-mn1/" + cntRi);
        assertThat(inStore.getByPath("cse-in/id-mn1/Cmeter").orElseThrow().attributes().path("lbl").get(0).asText()).isEqualTo("kind/meter");

        FilterCriteria announcedContainers = new FilterCriteria(1, null, List.of(ResourceType.CONTAINER_ANNC.ty()),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
        Response discovery = nodes[0].send(request(Operation.RETRIEVE, "cse-in").filterCriteria(announcedContainers)
                .build());
        assertThat(discovery.statusCode()).isEqualTo(ResponseStatusCode.OK);
        assertThat(discovery.content().path("m2m:uril").toString()).contains(cntRi);

        Response delete = mn.send(request(Operation.DELETE, "cse-mn1/meter/power").build());
        assertThat(delete.statusCode()).isEqualTo(ResponseStatusCode.DELETED);
        await().atMost(Duration.ofSeconds(5)).until(() -> inStore.getByPath(copyPath).isEmpty());
        assertThat(inStore.getByPath("cse-in/id-mn1/Cmeter")).isPresent();
    }
}
