package org.oneedge.handover.transaction;

import java.util.List;
import java.util.Optional;

/** Where handover transactions persist so a coordinator can resume them after a crash. */
public interface TransactionStore {

    /** Stores a new transaction, or returns the one already stored under the same txid (idempotent start). */
    HandoverTransaction createIfAbsent(HandoverTransaction transaction);

    /** Replaces the stored transaction with the same txid. */
    void update(HandoverTransaction transaction);

    Optional<HandoverTransaction> find(String txid);

    /** Transactions not in a terminal state. */
    List<HandoverTransaction> unfinished();
}
