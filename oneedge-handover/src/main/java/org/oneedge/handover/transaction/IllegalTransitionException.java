package org.oneedge.handover.transaction;

/** A handover transaction was asked to move along an edge its state machine does not have. */
public final class IllegalTransitionException extends IllegalStateException {

    public IllegalTransitionException(String txid, TransactionState from, TransactionState to) {
        super("transaction " + txid + " cannot move from " + from + " to " + to + " (allowed: " + from.next() + ")");
    }
}
