package org.oneedge.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.oneedge.model.ResourceType;

/**
 * A resource as a CSE returned it: its address, its type and its attributes by short name (TS-0004 8.4, e.g.
 * {@code ri}, {@code rn}, {@code con}). Small on purpose; read other attributes with {@link #get(String)}.
 *
 * @param path       the structured address the client used or derived ({@code cse-in/AE1/cnt1})
 * @param rootKey    the JSON root key of the content, e.g. {@code m2m:cnt}
 * @param attributes the attributes under the root key
 */
public record RemoteResource(String path, String rootKey, ObjectNode attributes) {

    /** The resource type when the root key is a known one ({@code m2m:cnt} -> CONTAINER). */
    public Optional<ResourceType> type() {
        return ResourceType.ofRootKey(rootKey);
    }

    public String ri() {
        return text("ri");
    }

    public String rn() {
        return text("rn");
    }

    public String pi() {
        return text("pi");
    }

    /** {@code con} of a contentInstance as text (JSON content as its JSON text), or null. */
    public String con() {
        JsonNode con = attributes.get("con");
        if (con == null || con.isNull()) {
            return null;
        }
        return con.isTextual() ? con.asText() : con.toString();
    }

    /** An attribute by short name, or null. */
    public JsonNode get(String shortName) {
        return attributes.get(shortName);
    }

    /** An attribute as text, or null. */
    public String text(String shortName) {
        JsonNode v = attributes.get(shortName);
        return v == null || v.isNull() ? null : v.asText();
    }
}
