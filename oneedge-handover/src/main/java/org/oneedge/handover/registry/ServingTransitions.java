package org.oneedge.handover.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * The changes a serving-registry entry may undergo, shared by every {@link ServingRegistry}. With the epoch check
 * these rules make {@code MIGRATING} a lock owned by one transaction:
 * <pre>
 *   (none | RELEASED e)   --register-->  SERVING  e+1
 *   SERVING  e            --begin tx-->  MIGRATING e (tx)
 *   MIGRATING e (tx)      --switch---->  SERVING  e+1 (tx) at the target  (same tx only)
 *   MIGRATING e (tx)      --rollback-->  SERVING  e   (tx) at the source  (same tx only)
 *   SERVING  e            --release--->  RELEASED e+1
 * </pre>
 * Writing the entry that is already stored is allowed (idempotent retries).
 */
public final class ServingTransitions {

    private ServingTransitions() {
    }

    /** Empty when {@code next} may replace {@code current} given {@code expectedEpoch}; otherwise why not. */
    public static Optional<String> refusal(Optional<ServingEntry> current, long expectedEpoch, ServingEntry next) {
        long currentEpoch = current.map(ServingEntry::epoch).orElse(ServingRegistry.ABSENT);
        if (currentEpoch != expectedEpoch) {
            return Optional.of("epoch moved: expected " + expectedEpoch + ", current " + currentEpoch);
        }
        if (current.isPresent() && current.get().equals(next)) {
            return Optional.empty();
        }
        if (current.isEmpty() || current.get().state() == ServingState.RELEASED) {
            return next.state() == ServingState.SERVING && next.epoch() == currentEpoch + 1 ? Optional.empty()
                    : Optional.of("a new registration must be SERVING at epoch " + (currentEpoch + 1));
        }
        ServingEntry now = current.get();
        boolean sameCse = now.servingCseId().equals(next.servingCseId());
        return switch (now.state()) {
            case SERVING -> {
                if (next.state() == ServingState.MIGRATING && sameCse && next.epoch() == now.epoch()) {
                    yield Optional.empty();
                }
                if (next.state() == ServingState.RELEASED && next.epoch() == now.epoch() + 1) {
                    yield Optional.empty();
                }
                yield Optional.of("from SERVING only MIGRATING at the same CSE and epoch or RELEASED at epoch "
                        + (now.epoch() + 1) + " may follow");
            }
            case MIGRATING -> {
                if (!Objects.equals(now.txid(), next.txid())) {
                    yield Optional.of("the entry is held by transaction " + now.txid());
                }
                if (next.state() == ServingState.SERVING && next.epoch() == now.epoch() + 1) {
                    yield Optional.empty();
                }
                if (next.state() == ServingState.SERVING && sameCse && next.epoch() == now.epoch()) {
                    yield Optional.empty();
                }
                yield Optional.of("from MIGRATING only the switch (epoch " + (now.epoch() + 1)
                        + ") or a rollback to SERVING at " + now.servingCseId() + " may follow");
            }
            case RELEASED -> throw new IllegalStateException("handled above");
        };
    }
}
