package org.oneedge.handover.transaction;

/**
 * One handover of one AE as a value: the pure state machine of {@link TransactionState} plus the figures it
 * records. Every change returns a new value; illegal transitions throw {@link IllegalTransitionException}.
 *
 * @param txid     transaction id; a handover is idempotent by it
 * @param aeId     the AE that moves
 * @param sourceCseId serving CSE when the transaction started
 * @param targetCseId CSE that takes over
 * @param epoch    serving-registry epoch the transaction started from
 * @param state    current state
 * @param reason   why it ended other than COMPLETED, else null
 * @param figures  what it measured so far
 */
public record HandoverTransaction(String txid, String aeId, String sourceCseId, String targetCseId, long epoch,
                                  TransactionState state, ReasonCode reason, HandoverFigures figures) {

    public HandoverTransaction {
        if (txid == null || txid.isBlank() || aeId == null || aeId.isBlank() || sourceCseId == null
                || targetCseId == null || state == null || figures == null) {
            throw new IllegalArgumentException("txid, aeId, source, target, state and figures are mandatory");
        }
        if ((state == TransactionState.ROLLED_BACK || state == TransactionState.FAILED) != (reason != null)) {
            throw new IllegalArgumentException("a reason is given exactly for ROLLED_BACK and FAILED");
        }
    }

    public static HandoverTransaction requested(String txid, String aeId, String sourceCseId, String targetCseId,
                                                long epoch) {
        return new HandoverTransaction(txid, aeId, sourceCseId, targetCseId, epoch, TransactionState.REQUESTED,
                null, HandoverFigures.NONE);
    }

    /** Moves forward to PREPARING, TRANSFERRING, SWITCHING or COMPLETED. */
    public HandoverTransaction to(TransactionState next) {
        if (next == TransactionState.ROLLED_BACK || next == TransactionState.FAILED) {
            throw new IllegalArgumentException("use rolledBack(reason) or failed(reason) for " + next);
        }
        return move(next, null);
    }

    public HandoverTransaction rolledBack(ReasonCode why) {
        return move(TransactionState.ROLLED_BACK, why);
    }

    public HandoverTransaction failed(ReasonCode why) {
        return move(TransactionState.FAILED, why);
    }

    public HandoverTransaction withFigures(HandoverFigures value) {
        return new HandoverTransaction(txid, aeId, sourceCseId, targetCseId, epoch, state, reason, value);
    }

    private HandoverTransaction move(TransactionState next, ReasonCode why) {
        if (!state.next().contains(next)) {
            throw new IllegalTransitionException(txid, state, next);
        }
        return new HandoverTransaction(txid, aeId, sourceCseId, targetCseId, epoch, next, why, figures);
    }
}
