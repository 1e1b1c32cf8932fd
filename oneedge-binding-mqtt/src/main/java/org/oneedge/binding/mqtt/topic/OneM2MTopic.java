package org.oneedge.binding.mqtt.topic;

import java.util.Optional;
import org.oneedge.binding.mqtt.primitive.Serialization;

/**
 * A oneM2M MQTT topic {@code <prefix>/oneM2M/<kind>/<originator>/<receiver>/<serialization>} (TS-0010 6.4, 6.5).
 * Levels are already mapped with {@link TopicIds}; a response goes on the topic of the same kind family with the
 * request's originator and receiver in the same order.
 *
 * @param prefix        topic prefix ({@code ""} or e.g. {@code /edge1}), prepended to {@code /oneM2M/…}
 * @param kind          req, resp, reg_req or reg_resp
 * @param originator    originator level (the Credential-ID for reg_req/reg_resp)
 * @param receiver      receiver level
 * @param format        the last level as sent ({@code json}, {@code cbor}, possibly something unsupported)
 */
public record OneM2MTopic(String prefix, Kind kind, String originator, String receiver, String format) {

    /** The four topic families of TS-0010. */
    public enum Kind {
        REQ("req"), RESP("resp"), REG_REQ("reg_req"), REG_RESP("reg_resp");

        private final String level;

        Kind(String level) {
            this.level = level;
        }

        public String level() {
            return level;
        }

        /** The family a response to a request of this kind is published on. */
        public Kind responseKind() {
            return switch (this) {
                case REQ, RESP -> RESP;
                case REG_REQ, REG_RESP -> REG_RESP;
            };
        }

        static Optional<Kind> ofLevel(String level) {
            for (Kind k : values()) {
                if (k.level.equals(level)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    public OneM2MTopic {
        prefix = normalizePrefix(prefix);
    }

    /** A request or response topic with the given (already mapped) levels and serialization. */
    public static OneM2MTopic of(String prefix, Kind kind, String originator, String receiver, Serialization s) {
        return new OneM2MTopic(prefix, kind, originator, receiver, s.topicSuffix());
    }

    /** Parses a topic received under {@code prefix}; empty when it is not a five-level oneM2M topic. */
    public static Optional<OneM2MTopic> parse(String topic, String prefix) {
        String p = normalizePrefix(prefix) + "/oneM2M/";
        if (topic == null || !topic.startsWith(p)) {
            return Optional.empty();
        }
        String[] levels = topic.substring(p.length()).split("/", -1);
        if (levels.length != 4 || levels[1].isEmpty() || levels[2].isEmpty() || levels[3].isEmpty()) {
            return Optional.empty();
        }
        return Kind.ofLevel(levels[0]).map(k -> new OneM2MTopic(prefix, k, levels[1], levels[2], levels[3]));
    }

    /** The filter a receiver subscribes to: {@code <prefix>/oneM2M/<kind>/+/<receiver>/#}. */
    public static String receiverFilter(String prefix, Kind kind, String receiver) {
        return normalizePrefix(prefix) + "/oneM2M/" + kind.level() + "/+/" + receiver + "/#";
    }

    /** The filter an originator subscribes to for its responses: {@code <prefix>/oneM2M/<kind>/<originator>/+/#}. */
    public static String originatorFilter(String prefix, Kind kind, String originator) {
        return normalizePrefix(prefix) + "/oneM2M/" + kind.level() + "/" + originator + "/+/#";
    }

    public Optional<Serialization> serialization() {
        return Serialization.fromTopicSuffix(format);
    }

    /** The topic the response to a message on this topic goes to. */
    public OneM2MTopic responseTopic() {
        return new OneM2MTopic(prefix, kind.responseKind(), originator, receiver, format);
    }

    /** The topic string. */
    public String topic() {
        return prefix + "/oneM2M/" + kind.level() + "/" + originator + "/" + receiver + "/" + format;
    }

    @Override
    public String toString() {
        return topic();
    }

    private static String normalizePrefix(String prefix) {
        if (prefix == null || prefix.isBlank() || prefix.equals("/")) {
            return "";
        }
        String p = prefix.startsWith("/") ? prefix : "/" + prefix;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
