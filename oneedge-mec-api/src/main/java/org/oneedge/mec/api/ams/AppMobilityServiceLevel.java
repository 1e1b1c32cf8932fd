package org.oneedge.mec.api.ams;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Whether and how an app instance serving a device may be relocated (MEC 021 7.4.5). The 2.2.1 file defines it as an
 * object {@code {"appMobilityServiceLevel": 1|2|3}}, which is what OneEdge sends; a bare integer or the literal name
 * is accepted on input.
 */
public enum AppMobilityServiceLevel {
    APP_MOBILITY_NOT_ALLOWED(1),
    APP_MOBILITY_WITH_CONFIRMATION(2),
    APP_MOBILITY_WITHOUT_CONFIRMATION(3);

    private final int code;

    AppMobilityServiceLevel(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    @JsonValue
    Map<String, Integer> json() {
        return Map.of("appMobilityServiceLevel", code);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static AppMobilityServiceLevel fromJson(JsonNode node) {
        JsonNode v = node.isObject() ? node.path("appMobilityServiceLevel") : node;
        for (AppMobilityServiceLevel l : values()) {
            if ((v.isInt() && v.asInt() == l.code) || (v.isTextual() && (v.asText().equals(l.name())
                    || v.asText().equals(String.valueOf(l.code))))) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown appMobilityServiceLevel " + node);
    }
}
