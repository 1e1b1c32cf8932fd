package org.oneedge.binding.http.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResponseStatusCode;

/**
 * JSON content (TS-0004 8.4): {@code application/json} and the oneM2M vendor types
 * {@code application/vnd.onem2m-res+json} and {@code application/vnd.onem2m-ntfy+json} (TS-0009 6.4.3).
 */
public final class JsonContentCodec implements ContentCodec {

    private static final Set<String> SUBTYPES = Set.of("json", "vnd.onem2m-res+json", "vnd.onem2m-ntfy+json");

    private final ObjectMapper mapper;

    public JsonContentCodec() {
        this(new ObjectMapper());
    }

    public JsonContentCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean handles(MediaType mediaType) {
        return "application".equals(mediaType.type()) && SUBTYPES.contains(mediaType.subtype());
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public JsonNode decode(byte[] body) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "malformed JSON: no content");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "malformed JSON: " + e.getMessage());
        }
    }

    @Override
    public byte[] encode(JsonNode content) {
        try {
            return mapper.writeValueAsBytes(content);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
