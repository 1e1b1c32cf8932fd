package org.oneedge.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads and writes oneM2M JSON content (TS-0004 8.4, digest §2.7) with one shared, configured Jackson mapper:
 * duplicate keys and trailing garbage are errors, big numbers keep their precision. Malformed input becomes
 * 4000 BAD_REQUEST with a message saying where it broke, never a stack trace.
 */
public final class ContentCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ContentCodec() {
    }

    /** The configured mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Node factory for building content. */
    public static JsonNodeFactory nodes() {
        return MAPPER.getNodeFactory();
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * Parses JSON bytes; empty input gives null (no content).
     *
     * @throws OneM2MException BAD_REQUEST naming line and column of the first error
     */
    public static JsonNode parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST,
                    "malformed JSON content" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "unreadable JSON content: " + e.getMessage());
        }
    }

    /** Parses JSON text; see {@link #parse(byte[])}. */
    public static JsonNode parse(String text) {
        return parse(text == null ? null : text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Writes a node as compact UTF-8 JSON; null gives an empty array. */
    public static byte[] write(JsonNode node) {
        if (node == null) {
            return new byte[0];
        }
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JsonNode", e);
        }
    }

    /** Writes a node as compact JSON text. */
    public static String writeString(JsonNode node) {
        return new String(write(node), java.nio.charset.StandardCharsets.UTF_8);
    }

}
