package org.oneedge.binding.mqtt.primitive;

import java.util.Locale;
import java.util.Optional;

/**
 * The serializations a oneM2M MQTT topic may name in its last level (TS-0010 6.4: {@code json}, {@code xml}, {@code cbor});
 * OneEdge speaks JSON and CBOR, and a response reuses the serialization of its request.
 */
public enum Serialization {
    JSON("json"),
    CBOR("cbor");

    private final String topicSuffix;

    Serialization(String topicSuffix) {
        this.topicSuffix = topicSuffix;
    }

    /** The last topic level naming this serialization, e.g. {@code json}. */
    public String topicSuffix() {
        return topicSuffix;
    }

    /** The serialization a topic suffix names, or empty for one OneEdge does not speak (e.g. {@code xml}). */
    public static Optional<Serialization> fromTopicSuffix(String suffix) {
        if (suffix == null) {
            return Optional.empty();
        }
        String s = suffix.toLowerCase(Locale.ROOT);
        for (Serialization v : values()) {
            if (v.topicSuffix.equals(s)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
