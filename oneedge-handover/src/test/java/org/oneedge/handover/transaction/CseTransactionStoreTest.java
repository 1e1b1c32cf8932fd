package org.oneedge.handover.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.handover.InProcessCse;
import org.oneedge.model.ResponseStatusCode;

class CseTransactionStoreTest {

    private final InProcessCse in = InProcessCse.in();
    private final CseTransactionStore store;

    CseTransactionStoreTest() {
        assertThat(in.registerAe("CoeHandover", "oeHandover").statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        store = new CseTransactionStore(in.as("CoeHandover"), "cse-in/oeHandover");
    }

    @AfterEach
    void close() {
        in.close();
    }

    private JsonNode resource(String txid) {
        return in.admin().retrieve("cse-in/oeHandover/tx-" + txid).content().path("oe:hoTx");
    }

    @Test
    void stores_a_transaction_as_a_flex_container_with_its_figures() {
        HandoverTransaction t = HandoverTransaction.requested("tx1", "Cdev1", "/id-mn1", "/id-mn2", 3)
                .to(TransactionState.PREPARING)
                .withFigures(HandoverFigures.NONE.withPreparation(Duration.ofMillis(12))
                        .withTransfer(Duration.ofMillis(30), 2048, 7).withTargetsTried(List.of("/id-mn2")));
        store.createIfAbsent(t);

        JsonNode r = resource("tx1");
        assertThat(r.path("cnd").asText()).isEqualTo("org.oneedge.handover.transaction");
        assertThat(r.path("state").asText()).isEqualTo("PREPARING");
        assertThat(r.path("xferB").asLong()).isEqualTo(2048);
        assertThat(store.find("tx1")).contains(t);
    }

    @Test
    void starting_the_same_txid_twice_returns_the_existing_transaction() {
        HandoverTransaction first = HandoverTransaction.requested("tx1", "Cdev1", "/id-mn1", "/id-mn2", 3)
                .to(TransactionState.PREPARING);
        store.createIfAbsent(first);

        HandoverTransaction again = store.createIfAbsent(
                HandoverTransaction.requested("tx1", "Cdev1", "/id-mn1", "/id-mn3", 3));

        assertThat(again).isEqualTo(first);
    }

    @Test
    void every_state_change_updates_the_resource_and_unfinished_lists_only_open_ones() {
        HandoverTransaction a = store.createIfAbsent(
                HandoverTransaction.requested("txA", "Cdev1", "/id-mn1", "/id-mn2", 1));
        HandoverTransaction b = store.createIfAbsent(
                HandoverTransaction.requested("txB", "Cdev2", "/id-mn1", "/id-mn2", 1));
        long stateTag = in.admin().retrieve("cse-in/oeHandover/tx-txA").content().path("oe:hoTx").path("st")
                .asLong();

        store.update(a.rolledBack(ReasonCode.TARGET_REFUSED));
        store.update(b.to(TransactionState.PREPARING));

        assertThat(resource("txA").path("st").asLong()).isEqualTo(stateTag + 1);
        assertThat(resource("txA").path("reason").asText()).isEqualTo("TARGET_REFUSED");
        assertThat(store.unfinished()).extracting(HandoverTransaction::txid).containsExactly("txB");
    }
}
