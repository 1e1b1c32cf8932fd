package org.oneedge.testkit.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.ResourceType;

/** Builds {@link Resource} values for store tests in one line, with paths and times that follow the store rules. */
public final class StoreFixtures {

    /** The time all fixtures count from; has microseconds so that stores which truncate them show it. */
    public static final Instant T0 = Instant.parse("2026-03-01T10:00:00.000001Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoreFixtures() {
    }

    /** {@link #T0} plus {@code millis}. */
    public static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    /** A CSEBase: no parent, its path is its name. */
    public static Resource cseBase(String ri, String rn) {
        return new Resource(ri, "", ResourceType.CSE_BASE, rn, rn, T0, T0, null,
                json("{\"ri\":\"" + ri + "\",\"rn\":\"" + rn + "\",\"csi\":\"/id-in\"}"));
    }

    /** A child of {@code parent} named {@code rn}, created and last modified at {@code ct}, never expiring. */
    public static Resource child(Resource parent, String ri, ResourceType type, String rn, Instant ct) {
        ObjectNode attributes = JSON.createObjectNode();
        attributes.put("ri", ri).put("rn", rn).put("pi", parent.ri()).put("ty", type.ty());
        return new Resource(ri, parent.ri(), type, rn, parent.path() + "/" + rn, ct, ct, null, attributes);
    }

    /** Parses a JSON object, so that numbers get the node types a store reads back. */
    public static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object: " + text, e);
        }
    }
}
