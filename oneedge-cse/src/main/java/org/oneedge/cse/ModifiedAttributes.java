package org.oneedge.cse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.oneedge.model.ContentCodec;

/**
 * The content of {@code rcn=9} (modified-attributes, TS-0004 6.3.4.2.12, digest §2.5): the attributes the CSE set or
 * changed beyond what the originator sent, e.g. {@code ri}, {@code ct}, a clamped {@code et} on CREATE, {@code lt}
 * and {@code st} on UPDATE.
 */
final class ModifiedAttributes {

    private ModifiedAttributes() {
    }

    /** For a CREATE: every attribute of the new resource the request did not carry with the same value. */
    static ObjectNode of(String rootKey, ObjectNode requested, ObjectNode created) {
        ObjectNode out = ContentCodec.object();
        ObjectNode attributes = out.putObject(rootKey);
        for (Map.Entry<String, JsonNode> field : created.properties()) {
            if (!field.getValue().equals(requested.get(field.getKey()))) {
                attributes.set(field.getKey(), field.getValue());
            }
        }
        return out;
    }

    /** For an UPDATE: attributes whose stored value changed and differs from what the request sent. */
    static ObjectNode of(String rootKey, ObjectNode requested, ObjectNode before, ObjectNode after) {
        ObjectNode out = ContentCodec.object();
        ObjectNode attributes = out.putObject(rootKey);
        for (Map.Entry<String, JsonNode> field : after.properties()) {
            JsonNode value = field.getValue();
            if (!value.equals(before.get(field.getKey())) && !value.equals(requested.get(field.getKey()))) {
                attributes.set(field.getKey(), value);
            }
        }
        return out;
    }
}
