package org.oneedge.handover.transaction;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link TransactionStore} in one JVM, for tests and models. */
public final class InMemoryTransactionStore implements TransactionStore {

    private final ConcurrentMap<String, HandoverTransaction> transactions = new ConcurrentHashMap<>();

    @Override
    public HandoverTransaction createIfAbsent(HandoverTransaction transaction) {
        HandoverTransaction existing = transactions.putIfAbsent(transaction.txid(), transaction);
        return existing != null ? existing : transaction;
    }

    @Override
    public void update(HandoverTransaction transaction) {
        transactions.put(transaction.txid(), transaction);
    }

    @Override
    public Optional<HandoverTransaction> find(String txid) {
        return Optional.ofNullable(transactions.get(txid));
    }

    @Override
    public List<HandoverTransaction> unfinished() {
        return transactions.values().stream().filter(t -> !t.state().terminal()).toList();
    }
}
