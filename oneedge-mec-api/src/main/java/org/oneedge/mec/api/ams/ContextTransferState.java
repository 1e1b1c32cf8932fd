package org.oneedge.mec.api.ams;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * State of the transfer of a device's user context (MEC 021 {@code contextTransferState}): sent as the file's integer
 * (0, 1), accepted as integer or name.
 */
public enum ContextTransferState {
    NOT_TRANSFERRED(0),
    USER_CONTEXT_TRANSFER_COMPLETED(1);

    private final int code;

    ContextTransferState(int code) {
        this.code = code;
    }

    @JsonValue
    public int code() {
        return code;
    }

    @JsonCreator
    public static ContextTransferState of(Object value) {
        for (ContextTransferState s : values()) {
            if ((value instanceof Number n && n.intValue() == s.code)
                    || (value instanceof String str && (str.equals(s.name()) || str.equals(String.valueOf(s.code))))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown contextTransferState '" + value + "'");
    }
}
