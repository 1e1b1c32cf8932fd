package org.oneedge.cse.polling;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Predicate;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * Checks and reads the {@code m2m:rsp} an entity answers a polled request with (TS-0004 7.4.22, digest §2.7/§8.3);
 * the {@code m2m:rqp} it was handed is written by {@link org.oneedge.model.PollingPrimitives}.
 */
final class Primitives {

    private Primitives() {
    }

    /**
     * The response an entity posted to {@code pcu}: {@code {"m2m:rsp":{"rqi":…,"rsc":…[,"pc":…][,"fr":…]}}}. A missing
     * {@code fr} is filled with the entity's id (as ACME does, digest §8.3).
     *
     * @throws OneM2MException 4000 naming what is wrong when the content is not such a response primitive, or when its
     *                         {@code fr} names someone other than the entity
     */
    static Response responsePrimitive(JsonNode content, String ownerId, Predicate<String> isOwner) {
        if (content == null || !content.isObject() || content.size() != 1 || !content.has("m2m:rsp")) {
            throw bad("the content must be the answer to a polled request, exactly {\"m2m:rsp\":{\"rqi\":…,"
                    + "\"rsc\":…}}");
        }
        JsonNode rsp = content.get("m2m:rsp");
        if (!rsp.isObject()) {
            throw bad("m2m:rsp must be an object with rqi and rsc");
        }
        JsonNode rqi = rsp.get("rqi");
        if (rqi == null || !rqi.isTextual() || rqi.asText().isBlank()) {
            throw bad("m2m:rsp needs rqi, the request identifier of the polled request it answers");
        }
        JsonNode rsc = rsp.get("rsc");
        if (rsc == null || !rsc.canConvertToInt() || !rsc.isIntegralNumber()) {
            throw bad("m2m:rsp needs rsc, a response status code number");
        }
        ResponseStatusCode code = ResponseStatusCode.of(rsc.asInt())
                .orElseThrow(() -> bad("m2m:rsp has an unknown rsc " + rsc.asInt()));
        JsonNode fr = rsp.get("fr");
        if (fr != null && !fr.isNull() && (!fr.isTextual() || !isOwner.test(fr.asText()))) {
            throw bad("m2m:rsp fr (" + fr + ") must be the answering entity's own id " + ownerId);
        }
        JsonNode pc = rsp.get("pc");
        return Response.of(code, pc == null || pc.isNull() ? null : pc)
                .withRequestId(rqi.asText())
                .withFrom(fr == null || fr.isNull() ? ownerId : fr.asText());
    }

    private static OneM2MException bad(String message) {
        return new OneM2MException(ResponseStatusCode.BAD_REQUEST, message);
    }
}
