package org.oneedge.handover.transaction;

/** Why a handover ended other than COMPLETED; stored in the transaction's {@code reason} attribute. */
public enum ReasonCode {
    /** The target refused the AE (token, admission or import). */
    TARGET_REFUSED,
    /** Exporting or importing the context failed. */
    TRANSFER_FAILED,
    /** The serving registry's epoch moved under the transaction (another handover won). */
    REGISTRY_CONFLICT,
    /** The coordinator restarted before the commit; resume rolled the transaction back. */
    INTERRUPTED,
    /** After the commit the source could not be cleaned up; the target serves, leftovers are fenced. */
    SOURCE_CLEANUP_FAILED,
    /** No candidate target was ready or could be brought up; the attempts name each one and why. */
    NO_TARGET_READY,
    /** Another AE of the same bundle failed, so this one was rolled back with it (all or nothing). */
    BUNDLE_ABORTED
}
