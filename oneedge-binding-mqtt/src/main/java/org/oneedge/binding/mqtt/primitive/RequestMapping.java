package org.oneedge.binding.mqtt.primitive;

import static org.oneedge.binding.mqtt.primitive.PrimitiveFields.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.oneedge.model.FilterCriteria;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;

/**
 * A {@link Request} as the bare short-name request primitive of TS-0004 7.2.1.1 / 8.4 ({@code {"op","to","fr","rqi",…}}).
 * A partial retrieve's attribute list travels inside {@code pc} as {@code m2m:atrl} (TS-0004 7.3.3.3).
 */
final class RequestMapping {
    static final String ATTRIBUTE_LIST = "m2m:atrl";

    private RequestMapping() {
    }

    static ObjectNode toJson(Request r) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("op", r.operation().code());
        n.put("to", r.to());
        put(n, "fr", r.from());
        put(n, "rqi", r.requestId());
        put(n, "rvi", r.releaseVersion());
        put(n, "ty", r.resourceType());
        JsonNode pc = contentWithAttributeList(r);
        if (pc != null) {
            n.set("pc", pc);
        }
        put(n, "rcn", r.resultContent());
        if (!FilterCriteria.NONE.equals(r.filterCriteria())) {
            n.set("fc", FilterCriteriaMapping.toJson(r.filterCriteria()));
        }
        put(n, "drt", r.desiredIdentifierResultType());
        if (r.responseType() != null || !r.responseTargets().isEmpty()) {
            ObjectNode rt = n.putObject("rt");
            put(rt, "rtv", r.responseType());
            putTexts(rt, "nu", r.responseTargets());
        }
        putNumberOrText(n, "rp", r.resultPersistence());
        putNumberOrText(n, "ec", r.eventCategory());
        put(n, "ot", r.originatingTimestamp());
        putNumberOrText(n, "rqet", r.requestExpirationTimestamp());
        putNumberOrText(n, "rset", r.resultExpirationTimestamp());
        putNumberOrText(n, "oet", r.operationExecutionTime());
        put(n, "vsi", r.vendorInformation());
        put(n, "gid", r.groupRequestIdentifier());
        putTexts(n, "tkns", r.tokens());
        return n;
    }

    private static JsonNode contentWithAttributeList(Request r) {
        if (r.attributeList().isEmpty()) {
            return r.content();
        }
        ObjectNode pc;
        if (r.content() == null) {
            pc = JsonNodeFactory.instance.objectNode();
        } else if (r.content().isObject()) {
            pc = ((ObjectNode) r.content()).deepCopy();
        } else {
            throw new IllegalArgumentException("a request with an attribute list needs object content or none");
        }
        putTexts(pc, ATTRIBUTE_LIST, r.attributeList());
        return pc;
    }

    /** Reads a request primitive; throws {@link IllegalArgumentException} naming the offending member. */
    static Request fromJson(JsonNode n) {
        Integer op = integer(n, "op");
        if (op == null) {
            throw new IllegalArgumentException("op is mandatory");
        }
        if (op < 1 || op > 5) {
            throw new IllegalArgumentException("op must be 1..5, got " + op);
        }
        String to = text(n, "to");
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("to is mandatory");
        }
        Integer rtv = null;
        List<String> nu = List.of();
        JsonNode rt = n.get("rt");
        if (rt != null && !rt.isNull()) {
            if (rt.isObject()) {
                rtv = integer(rt, "rtv");
                nu = textList(rt, "nu");
            } else {
                rtv = integer(n, "rt");
            }
        }
        JsonNode pc = n.get("pc");
        List<String> atrl = List.of();
        if (pc != null && pc.isNull()) {
            pc = null;
        }
        if (pc != null && pc.isObject() && pc.has(ATTRIBUTE_LIST)) {
            atrl = textList(pc, ATTRIBUTE_LIST);
            ObjectNode rest = ((ObjectNode) pc).deepCopy();
            rest.remove(ATTRIBUTE_LIST);
            pc = rest.isEmpty() ? null : rest;
        }
        return Request.builder()
                .operation(Operation.of(op))
                .to(to)
                .from(text(n, "fr"))
                .requestId(text(n, "rqi"))
                .releaseVersion(text(n, "rvi"))
                .resourceType(integer(n, "ty"))
                .content(pc)
                .resultContent(integer(n, "rcn"))
                .filterCriteria(FilterCriteriaMapping.fromJson(n.get("fc")))
                .desiredIdentifierResultType(integer(n, "drt"))
                .responseType(rtv)
                .responseTargets(nu)
                .resultPersistence(text(n, "rp"))
                .eventCategory(text(n, "ec"))
                .originatingTimestamp(text(n, "ot"))
                .requestExpirationTimestamp(text(n, "rqet"))
                .resultExpirationTimestamp(text(n, "rset"))
                .operationExecutionTime(text(n, "oet"))
                .vendorInformation(text(n, "vsi"))
                .groupRequestIdentifier(text(n, "gid"))
                .attributeList(atrl)
                .tokens(textList(n, "tkns"))
                .build();
    }
}
