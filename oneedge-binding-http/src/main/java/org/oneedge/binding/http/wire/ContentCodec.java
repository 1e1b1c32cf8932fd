package org.oneedge.binding.http.wire;

import com.fasterxml.jackson.databind.JsonNode;
import org.oneedge.model.OneM2MException;

/**
 * Serializes primitive content for one format (TS-0004 8.4 JSON, 8.5 CBOR). The HTTP binding picks a codec from
 * {@code Content-Type} and {@code Accept}; adding CBOR means adding one implementation to the binding's codec list.
 */
public interface ContentCodec {

    /** True when this codec reads and writes the given media type (e.g. JSON for {@code application/json}). */
    boolean handles(MediaType mediaType);

    /** The media type this codec writes in responses, e.g. {@code application/json}. */
    String mediaType();

    /** Parses a body; malformed input throws {@link OneM2MException} with BAD_REQUEST and the parser's message. */
    JsonNode decode(byte[] body);

    byte[] encode(JsonNode content);
}
