package org.oneedge.mec.api.ams;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A device identifier in MEC 021. The AMS file (2.2.1) types {@code AssociateId} as a plain string, which is what
 * OneEdge sends (the UE address, e.g. {@code 10.0.0.1}); the MEC 012 object form {@code {type, value}} that
 * AdvantEDGE-style clients send is accepted and reduced to its {@code value}.
 */
public record AssociateId(String value) {

    public AssociateId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("associateId must not be empty");
        }
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static AssociateId fromJson(JsonNode node) {
        if (node.isTextual()) {
            return new AssociateId(node.asText());
        }
        if (node.isObject() && node.path("value").isTextual()) {
            return new AssociateId(node.get("value").asText());
        }
        throw new IllegalArgumentException("associateId must be a string or {type, value}, was " + node);
    }

    public static AssociateId of(String value) {
        return new AssociateId(value);
    }
}
