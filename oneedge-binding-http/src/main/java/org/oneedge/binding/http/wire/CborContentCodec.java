package org.oneedge.binding.http.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.util.Set;

/**
 * CBOR content (TS-0004 8.5, RFC 8949): {@code application/cbor} and the oneM2M vendor types
 * {@code application/vnd.onem2m-res+cbor} and {@code application/vnd.onem2m-ntfy+cbor} (TS-0009 6.4.3). The content
 * tree is the same as in JSON (short names, numbers as numbers), only the encoding differs.
 */
public final class CborContentCodec extends JacksonContentCodec {

    private static final Set<String> SUBTYPES = Set.of("cbor", "vnd.onem2m-res+cbor", "vnd.onem2m-ntfy+cbor");

    public CborContentCodec() {
        this(new ObjectMapper(new CBORFactory()));
    }

    /** @param mapper a mapper over a {@link CBORFactory} */
    public CborContentCodec(ObjectMapper mapper) {
        super(mapper, "CBOR", "application/cbor", SUBTYPES);
    }
}
