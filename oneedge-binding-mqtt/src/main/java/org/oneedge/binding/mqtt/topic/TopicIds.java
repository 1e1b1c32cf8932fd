package org.oneedge.binding.mqtt.topic;

/**
 * The one place that turns a oneM2M entity id into an MQTT topic level (TS-0010 6.3): the leading {@code /} of an
 * SP-relative id is dropped, a leading {@code //} of an absolute id becomes {@code :}, and every other {@code /}
 * becomes {@code :}. So {@code /id-mn/CAE1} → {@code id-mn:CAE1}, {@code //sp.example/id-in} →
 * {@code :sp.example:id-in}, and a bare AE-ID-Stem or Credential-ID stays as it is.
 */
public final class TopicIds {

    private TopicIds() {
    }

    /**
     * The topic level for {@code id}.
     *
     * @throws IllegalArgumentException when the id is empty or holds MQTT wildcards or NUL
     */
    public static String toTopicLevel(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an empty id cannot name a topic level");
        }
        String level;
        if (id.startsWith("//")) {
            level = ":" + id.substring(2).replace('/', ':');
        } else if (id.startsWith("/")) {
            level = id.substring(1).replace('/', ':');
        } else {
            level = id.replace('/', ':');
        }
        if (level.isEmpty() || level.indexOf('+') >= 0 || level.indexOf('#') >= 0 || level.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("'" + id + "' cannot be used as an MQTT topic level");
        }
        return level;
    }
}
