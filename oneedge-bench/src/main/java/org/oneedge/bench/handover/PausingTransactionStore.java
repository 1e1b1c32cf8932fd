package org.oneedge.bench.handover;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.oneedge.handover.transaction.HandoverTransaction;
import org.oneedge.handover.transaction.TransactionState;
import org.oneedge.handover.transaction.TransactionStore;

/**
 * TEST ONLY: a transaction store that makes the coordinator block right after a chosen transaction reached a chosen
 * state (the state is stored, the next step not taken), so a crash test can kill a process at a known point of the
 * handover (HANDOVER.md "resumable after a crash of any participant"). Used by {@link HandoverCoordinatorMain} when
 * told {@code handover … <pause state>}; a production coordinator never pauses.
 */
final class PausingTransactionStore implements TransactionStore {

    private final TransactionStore stored;
    private final Consumer<HandoverTransaction> paused;
    private final ConcurrentMap<String, TransactionState> pauseAt = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CountDownLatch> waiting = new ConcurrentHashMap<>();

    /**
     * @param paused told the transaction as stored when the coordinator blocks on it
     */
    PausingTransactionStore(TransactionStore stored, Consumer<HandoverTransaction> paused) {
        this.stored = stored;
        this.paused = paused;
    }

    /** The coordinator will block once transaction {@code txid} is stored in {@code state}. */
    void pauseAt(String txid, TransactionState state) {
        waiting.put(txid, new CountDownLatch(1));
        pauseAt.put(txid, state);
    }

    /**
     * Blocks the calling coordinator thread on transaction {@code txid} until {@link #proceed}, e.g. from the
     * coordinator's after-snapshot hook; {@code paused} is told {@code tx} (as last stored).
     */
    void pauseHere(HandoverTransaction tx) {
        CountDownLatch latch = waiting.computeIfAbsent(tx.txid(), id -> new CountDownLatch(1));
        paused.accept(tx);
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets the coordinator go on with {@code txid} (at once if it has not reached the pause yet). */
    void proceed(String txid) {
        pauseAt.remove(txid);
        CountDownLatch latch = waiting.remove(txid);
        if (latch != null) {
            latch.countDown();
        }
    }

    @Override
    public HandoverTransaction createIfAbsent(HandoverTransaction transaction) {
        HandoverTransaction now = stored.createIfAbsent(transaction);
        pauseIfAsked(now);
        return now;
    }

    @Override
    public void update(HandoverTransaction transaction) {
        stored.update(transaction);
        pauseIfAsked(transaction);
    }

    @Override
    public Optional<HandoverTransaction> find(String txid) {
        return stored.find(txid);
    }

    @Override
    public List<HandoverTransaction> unfinished() {
        return stored.unfinished();
    }

    private void pauseIfAsked(HandoverTransaction tx) {
        if (pauseAt.get(tx.txid()) != tx.state()) {
            return;
        }
        CountDownLatch latch = waiting.get(tx.txid());
        if (latch == null) {
            return;
        }
        paused.accept(tx);
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
