package org.oneedge.binding.http.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;

/**
 * JSON content (TS-0004 8.4): {@code application/json} and the oneM2M vendor types
 * {@code application/vnd.onem2m-res+json} and {@code application/vnd.onem2m-ntfy+json} (TS-0009 6.4.3).
 */
public final class JsonContentCodec extends JacksonContentCodec {

    private static final Set<String> SUBTYPES = Set.of("json", "vnd.onem2m-res+json", "vnd.onem2m-ntfy+json");

    public JsonContentCodec() {
        this(new ObjectMapper());
    }

    public JsonContentCodec(ObjectMapper mapper) {
        super(mapper, "JSON", "application/json", SUBTYPES);
    }
}
