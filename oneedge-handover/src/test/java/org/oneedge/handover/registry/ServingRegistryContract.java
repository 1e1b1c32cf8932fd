package org.oneedge.handover.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link ServingRegistry} must do; each implementation's test extends this. */
abstract class ServingRegistryContract {

    abstract ServingRegistry registry();

    private ServingEntry registered(String ae) {
        ServingEntry e = ServingEntry.registered(ae, "/id-mn1");
        assertThat(registry().compareAndSet(ae, ServingRegistry.ABSENT, e).committed()).isTrue();
        return e;
    }

    @Test
    void resolves_who_serves_an_ae() {
        registered("Cdev1");
        assertThat(registry().resolve("Cdev1")).contains(ServingEntry.registered("Cdev1", "/id-mn1"));
        assertThat(registry().resolve("Cunknown")).isEmpty();
    }

    @Test
    void a_handover_raises_the_epoch_and_names_the_target() {
        ServingEntry e = registered("Cdev1");
        assertThat(registry().compareAndSet("Cdev1", 1, e.migrating("tx1")).committed()).isTrue();
        assertThat(registry().compareAndSet("Cdev1", 1, e.migrating("tx1").switchedTo("/id-mn2")).committed())
                .isTrue();

        ServingEntry now = registry().resolve("Cdev1").orElseThrow();
        assertThat(now.servingCseId()).isEqualTo("/id-mn2");
        assertThat(now.epoch()).isEqualTo(2);
        assertThat(now.state()).isEqualTo(ServingState.SERVING);
        assertThat(now.txid()).isEqualTo("tx1");
    }

    @Test
    void refuses_a_change_when_the_epoch_moved_and_returns_the_current_entry() {
        ServingEntry e = registered("Cdev1");
        registry().compareAndSet("Cdev1", 1, e.migrating("tx1"));
        registry().compareAndSet("Cdev1", 1, e.migrating("tx1").switchedTo("/id-mn2"));

        CasResult late = registry().compareAndSet("Cdev1", 1, e.migrating("tx2"));

        assertThat(late).isInstanceOfSatisfying(CasResult.Conflict.class, c -> {
            assertThat(c.current().orElseThrow().epoch()).isEqualTo(2);
            assertThat(c.reason()).contains("expected 1").contains("current 2");
        });
        assertThat(registry().resolve("Cdev1").orElseThrow().servingCseId()).isEqualTo("/id-mn2");
    }

    @Test
    void a_migrating_entry_belongs_to_one_transaction() {
        ServingEntry e = registered("Cdev1");
        registry().compareAndSet("Cdev1", 1, e.migrating("tx1"));

        assertThat(registry().compareAndSet("Cdev1", 1, e.migrating("tx2")).committed()).isFalse();
        assertThat(registry().compareAndSet("Cdev1", 1, e.migrating("tx2").switchedTo("/id-mn3")).committed())
                .isFalse();
        assertThat(registry().compareAndSet("Cdev1", 1, e.migrating("tx1").restored()).committed()).isTrue();
        assertThat(registry().resolve("Cdev1").orElseThrow().state()).isEqualTo(ServingState.SERVING);
    }

    @Test
    void refuses_a_registration_over_an_existing_entry() {
        registered("Cdev1");
        assertThat(registry().compareAndSet("Cdev1", ServingRegistry.ABSENT,
                ServingEntry.registered("Cdev1", "/id-mn9")).committed()).isFalse();
    }

    @Test
    void of_concurrent_handovers_from_the_same_epoch_exactly_one_wins() throws Exception {
        ServingEntry e = registered("Cdev1");
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String tx = "tx" + i;
            attempts.add(() -> registry().compareAndSet("Cdev1", 1, e.migrating(tx)).committed());
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            long wins = 0;
            for (Future<Boolean> f : pool.invokeAll(attempts)) {
                wins += f.get() ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
        }
    }
}
