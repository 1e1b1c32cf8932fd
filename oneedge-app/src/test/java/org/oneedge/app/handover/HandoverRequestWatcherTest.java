package org.oneedge.app.handover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.Cse;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.CseType;
import org.oneedge.cse.flex.FlexContainerDefinitions;
import org.oneedge.cse.flex.FlexContainerExtension;
import org.oneedge.cse.resource.AccessChecker;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.handover.onem2m.CseRequests;
import org.oneedge.handover.registry.CseServingRegistry;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.transaction.HandoverTransaction;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

class HandoverRequestWatcherTest {

    private final Cse in = Cse.builder()
            .config(CseConfig.defaults().withCseId("/id-in").withCseBaseName("cse-in").withCseType(CseType.IN))
            .store(new InMemoryResourceStore()).accessChecker(AccessChecker.allowAll())
            .extension(new FlexContainerExtension(FlexContainerDefinitions.builtIn()
                    .with(List.of(HandoverRequestWatcher.DEFINITION)))).build();
    private final CseRequests atIn = new CseRequests(in, RunHandovers.COORDINATOR);
    private final List<String> moves = new ArrayList<>();
    private ServingRegistry registry;
    private HandoverRequestWatcher watcher;

    private void start(Set<String> hostedAtMn1) {
        in.start();
        atIn.create("cse-in", ResourceType.AE, ContentCodec.parse(
                "{\"m2m:ae\":{\"rn\":\"oeHandover\",\"api\":\"Noe.handover\",\"rr\":false,\"srv\":[\"3\"]}}"));
        registry = new CseServingRegistry(atIn, RunHandovers.REGISTRY_PATH);
        watcher = new HandoverRequestWatcher(atIn, RunHandovers.REGISTRY_PATH, registry,
                (aeId, cseId) -> cseId.equals("/id-mn1") && hostedAtMn1.contains(aeId), (aeId, target) -> {
                    moves.add(aeId + "->" + target);
                    return HandoverTransaction.requested("tx-of-" + aeId, aeId, "/id-mn1", target, 1);
                }, Duration.ofMillis(50));
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
        in.close();
    }

    private JsonNode ask(String name, String aeId, String target) {
        Response created = atIn.create(RunHandovers.REGISTRY_PATH, ResourceType.FLEX_CONTAINER, ContentCodec.parse(
                "{\"oe:hoReq\":{\"rn\":\"" + name + "\",\"cnd\":\"org.oneedge.handover.request\","
                        + "\"lbl\":[\"oe:hoReq/open\"],\"aeid\":\"" + aeId + "\",\"tcsi\":\"" + target + "\"}}"));
        assertThat(created.statusCode()).as(created.debugMessage()).isEqualTo(ResponseStatusCode.CREATED);
        watcher.pollOnce();
        return atIn.retrieve(RunHandovers.REGISTRY_PATH + "/" + name).content().path("oe:hoReq");
    }

    @Test
    void enters_an_ae_registered_at_the_named_cse_in_the_serving_registry() {
        start(Set.of("Cdev"));

        JsonNode answer = ask("r1", "Cdev", "/id-mn1");

        assertThat(answer.path("res").asText()).isEqualTo("REGISTERED");
        assertThat(answer.path("lbl").toString()).contains(HandoverRequestWatcher.DONE_LABEL);
        assertThat(registry.resolve("Cdev")).contains(ServingEntry.registered("Cdev", "/id-mn1"));
        assertThat(watcher.pollOnce()).as("an answered request is not answered again").isZero();
    }

    @Test
    void runs_a_handover_for_an_ae_served_elsewhere_and_names_its_transaction() {
        start(Set.of("Cdev"));
        ask("r1", "Cdev", "/id-mn1");

        JsonNode answer = ask("r2", "Cdev", "/id-mn2");

        assertThat(moves).containsExactly("Cdev->/id-mn2");
        assertThat(answer.path("res").asText()).isEqualTo("REQUESTED");
        assertThat(answer.path("txid").asText()).isEqualTo("tx-of-Cdev");
    }

    @Test
    void refuses_an_ae_neither_served_nor_registered_at_the_named_cse() {
        start(Set.of());

        JsonNode answer = ask("r1", "Cother", "/id-mn1");

        assertThat(answer.path("res").asText()).isEqualTo("REFUSED");
        assertThat(answer.path("rsn").asText()).contains("not registered at /id-mn1");
        assertThat(registry.resolve("Cother")).isEmpty();
        assertThat(moves).isEmpty();
    }

    @Test
    void refuses_a_move_to_the_cse_already_serving_the_ae() {
        start(Set.of("Cdev"));
        ask("r1", "Cdev", "/id-mn1");

        JsonNode answer = ask("r2", "Cdev", "/id-mn1");

        assertThat(answer.path("res").asText()).isEqualTo("REFUSED");
        assertThat(moves).isEmpty();
    }
}
