package org.oneedge.handover.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HandoverTransactionTest {

    private final HandoverTransaction requested =
            HandoverTransaction.requested("tx1", "Cdev1", "/id-mn1", "/id-mn2", 4);

    @Test
    void walks_the_happy_path_to_completed() {
        HandoverTransaction t = requested.to(TransactionState.PREPARING).to(TransactionState.TRANSFERRING)
                .to(TransactionState.SWITCHING).to(TransactionState.COMPLETED);
        assertThat(t.state()).isEqualTo(TransactionState.COMPLETED);
        assertThat(t.state().terminal()).isTrue();
        assertThat(t.reason()).isNull();
    }

    @Test
    void refuses_skipping_a_state() {
        assertThatThrownBy(() -> requested.to(TransactionState.SWITCHING))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("REQUESTED to SWITCHING");
    }

    @Test
    void refuses_rolling_back_after_the_switch() {
        HandoverTransaction switching = requested.to(TransactionState.PREPARING).to(TransactionState.TRANSFERRING)
                .to(TransactionState.SWITCHING);
        assertThatThrownBy(() -> switching.rolledBack(ReasonCode.TARGET_REFUSED))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(switching.failed(ReasonCode.SOURCE_CLEANUP_FAILED).reason())
                .isEqualTo(ReasonCode.SOURCE_CLEANUP_FAILED);
    }

    @Test
    void an_ended_transaction_stays_ended() {
        HandoverTransaction rolledBack = requested.rolledBack(ReasonCode.REGISTRY_CONFLICT);
        assertThatThrownBy(() -> rolledBack.to(TransactionState.PREPARING))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(rolledBack.reason()).isEqualTo(ReasonCode.REGISTRY_CONFLICT);
    }
}
