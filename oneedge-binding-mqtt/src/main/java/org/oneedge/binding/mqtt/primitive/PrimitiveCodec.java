package org.oneedge.binding.mqtt.primitive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import org.oneedge.model.Request;
import org.oneedge.model.Response;

/**
 * Encodes and decodes whole oneM2M request and response primitives as MQTT payloads (TS-0010 6.4, TS-0004 8.4):
 * bare short-name objects in JSON or CBOR. Decoding never lets a malformed payload escape as anything but a
 * {@link MalformedPrimitiveException} (4000 BAD_REQUEST) that says what is wrong.
 *
 * <p>Thread-safe; one instance can serve a whole node.
 */
public final class PrimitiveCodec {
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper cbor = new CBORMapper();

    public byte[] encodeRequest(Request request, Serialization serialization) {
        return write(RequestMapping.toJson(request), serialization);
    }

    public byte[] encodeResponse(Response response, Serialization serialization) {
        return write(ResponseMapping.toJson(response), serialization);
    }

    /** Decodes a request primitive; {@link MalformedPrimitiveException} carries the {@code rqi} when readable. */
    public Request decodeRequest(byte[] payload, Serialization serialization) {
        JsonNode root = readObject(payload, serialization);
        try {
            return RequestMapping.fromJson(root);
        } catch (IllegalArgumentException e) {
            throw new MalformedPrimitiveException("invalid request primitive: " + e.getMessage(), requestIdOf(root));
        }
    }

    /** Decodes a response primitive; {@link MalformedPrimitiveException} carries the {@code rqi} when readable. */
    public Response decodeResponse(byte[] payload, Serialization serialization) {
        JsonNode root = readObject(payload, serialization);
        try {
            return ResponseMapping.fromJson(root);
        } catch (IllegalArgumentException e) {
            throw new MalformedPrimitiveException("invalid response primitive: " + e.getMessage(), requestIdOf(root));
        }
    }

    private byte[] write(JsonNode node, Serialization serialization) {
        try {
            return mapper(serialization).writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a primitive as " + serialization, e);
        }
    }

    private JsonNode readObject(byte[] payload, Serialization serialization) {
        if (payload == null || payload.length == 0) {
            throw new MalformedPrimitiveException("empty payload, expected a " + serialization + " primitive", null);
        }
        JsonNode root;
        try {
            root = mapper(serialization).readTree(payload);
        } catch (IOException | RuntimeException e) {
            throw new MalformedPrimitiveException("payload is not valid " + serialization + ": "
                    + firstLine(e.getMessage()), null);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPrimitiveException("a primitive must be a " + serialization + " object", null);
        }
        return root;
    }

    private ObjectMapper mapper(Serialization serialization) {
        return serialization == Serialization.CBOR ? cbor : json;
    }

    private static String requestIdOf(JsonNode root) {
        JsonNode rqi = root.get("rqi");
        return rqi != null && rqi.isValueNode() && !rqi.isNull() ? rqi.asText() : null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
