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
 * The one Jackson-backed {@link ContentCodec} behind {@link JsonContentCodec} and {@link CborContentCodec}: the content
 * tree is the same in both serializations (TS-0004 8.4, 8.5), only the mapper's factory and the media types differ.
 */
abstract sealed class JacksonContentCodec implements ContentCodec permits JsonContentCodec, CborContentCodec {

    private final ObjectMapper mapper;
    private final String format;
    private final String mediaType;
    private final Set<String> subtypes;

    /**
     * @param format the name used in error messages, e.g. {@code JSON}
     * @param mediaType the media type written in responses
     * @param subtypes the {@code application/...} subtypes this codec reads and writes
     */
    JacksonContentCodec(ObjectMapper mapper, String format, String mediaType, Set<String> subtypes) {
        this.mapper = mapper;
        this.format = format;
        this.mediaType = mediaType;
        this.subtypes = subtypes;
    }

    @Override
    public boolean handles(MediaType mediaType) {
        return "application".equals(mediaType.type()) && subtypes.contains(mediaType.subtype());
    }

    @Override
    public String mediaType() {
        return mediaType;
    }

    @Override
    public JsonNode decode(byte[] body) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "malformed " + format + ": no content");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST,
                    "malformed " + format + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "malformed " + format + ": " + e.getMessage());
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
