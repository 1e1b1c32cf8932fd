package org.oneedge.mec.api.lcm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * MEC 010-2 {@code AppInstanceSubscriptionFilter.appInstSelectorType}, an integer enum in the file
 * (0 = void, 1 = APP_IDENTITY, 2 = APP_NAME, 3 = APP_D_ID, 4 = APP_FROM_PROVIDER); read from the number or the name,
 * written as the number.
 */
public enum AppInstSelectorType {
    VOID(0), APP_IDENTITY(1), APP_NAME(2), APP_D_ID(3), APP_FROM_PROVIDER(4);

    private final int code;

    AppInstSelectorType(int code) {
        this.code = code;
    }

    @JsonValue
    public int code() {
        return code;
    }

    @JsonCreator
    public static AppInstSelectorType fromJson(Object value) {
        for (AppInstSelectorType t : values()) {
            if (value instanceof Number n && n.intValue() == t.code
                    || value instanceof String s && (s.equals(t.name()) || s.equals(String.valueOf(t.code)))) {
                return t;
            }
        }
        throw new IllegalArgumentException("appInstSelectorType must be 0..4 or its name, was " + value);
    }
}
