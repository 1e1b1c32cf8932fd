package org.oneedge.binding.http.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResponseStatusCode;

/**
 * CBOR content (TS-0004 8.5, RFC 8949): {@code application/cbor} and the oneM2M vendor types
 * {@code application/vnd.onem2m-res+cbor} and {@code application/vnd.onem2m-ntfy+cbor} (TS-0009 6.4.3). The content
 * tree is the same as in JSON (short names, numbers as numbers), only the encoding differs.
 */
public final class CborContentCodec implements ContentCodec {

    private static final Set<String> SUBTYPES = Set.of("cbor", "vnd.onem2m-res+cbor", "vnd.onem2m-ntfy+cbor");

    private final ObjectMapper mapper;

    public CborContentCodec() {
        this(new ObjectMapper(new CBORFactory()));
    }

    /** @param mapper a mapper over a {@link CBORFactory} */
    public CborContentCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean handles(MediaType mediaType) {
        return "application".equals(mediaType.type()) && SUBTYPES.contains(mediaType.subtype());
    }

    @Override
    public String mediaType() {
        return "application/cbor";
    }

    @Override
    public JsonNode decode(byte[] body) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "malformed CBOR: no content");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "malformed CBOR: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "malformed CBOR: " + e.getMessage());
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
