package org.oneedge.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A oneM2M request primitive (TS-0004 7.2.1.1), independent of any transport.
 * Build it with {@link #builder()}; fields hold wire values so that the engine can refuse bad ones
 * with the right status code (e.g. an unknown {@code ty} number, an {@code rcn} not valid for the operation).
 *
 * @param operation      {@code op}
 * @param to             {@code to}: CSE-relative, SP-relative ({@code /id-in/...}) or absolute ({@code //sp/id-in/...})
 * @param from           {@code fr}: the originator, null when absent (allowed only for AE registration)
 * @param requestId      {@code rqi}
 * @param resourceType   {@code ty} on CREATE, else null
 * @param content        {@code pc}: the primitive content, e.g. {@code {"m2m:cnt":{...}}}, or null
 * @param releaseVersion {@code rvi}, e.g. "3"
 * @param resultContent  {@code rcn}, null for the operation's default
 * @param filterCriteria {@code fc}, never null
 * @param desiredIdentifierResultType {@code drt}: 1 structured (default), 2 unstructured
 * @param responseType   {@code rt/rtv}: 1 nonBlockingSynch, 2 nonBlockingAsynch, 3 blocking (default), 4 flexBlocking, 5 noResponse
 * @param responseTargets {@code rt/nu}: where the result of a non-blocking asynchronous request goes
 * @param resultPersistence {@code rp}
 * @param eventCategory  {@code ec}
 * @param originatingTimestamp {@code ot}
 * @param requestExpirationTimestamp {@code rqet} (absolute timestamp or relative milliseconds as sent)
 * @param resultExpirationTimestamp {@code rset}
 * @param operationExecutionTime {@code oet}
 * @param vendorInformation {@code vsi}
 * @param groupRequestIdentifier {@code gid}
 * @param attributeList  {@code atrl}: partial retrieve of these attributes
 * @param tokens         {@code tkns} / {@code Authorization} values
 */
public record Request(
        Operation operation,
        String to,
        String from,
        String requestId,
        Integer resourceType,
        JsonNode content,
        String releaseVersion,
        Integer resultContent,
        FilterCriteria filterCriteria,
        Integer desiredIdentifierResultType,
        Integer responseType,
        List<String> responseTargets,
        String resultPersistence,
        String eventCategory,
        String originatingTimestamp,
        String requestExpirationTimestamp,
        String resultExpirationTimestamp,
        String operationExecutionTime,
        String vendorInformation,
        String groupRequestIdentifier,
        List<String> attributeList,
        List<String> tokens) {

    public Request {
        if (operation == null) {
            throw new IllegalArgumentException("operation is mandatory");
        }
        if (to == null) {
            throw new IllegalArgumentException("to is mandatory");
        }
        filterCriteria = filterCriteria == null ? FilterCriteria.NONE : filterCriteria;
        responseTargets = responseTargets == null ? List.of() : List.copyOf(responseTargets);
        attributeList = attributeList == null ? List.of() : List.copyOf(attributeList);
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding the fields of this request, to derive a changed copy (e.g. a new {@code to} when forwarding). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.operation = operation;
        b.to = to;
        b.from = from;
        b.requestId = requestId;
        b.resourceType = resourceType;
        b.content = content;
        b.releaseVersion = releaseVersion;
        b.resultContent = resultContent;
        b.filterCriteria = filterCriteria;
        b.desiredIdentifierResultType = desiredIdentifierResultType;
        b.responseType = responseType;
        b.responseTargets = responseTargets;
        b.resultPersistence = resultPersistence;
        b.eventCategory = eventCategory;
        b.originatingTimestamp = originatingTimestamp;
        b.requestExpirationTimestamp = requestExpirationTimestamp;
        b.resultExpirationTimestamp = resultExpirationTimestamp;
        b.operationExecutionTime = operationExecutionTime;
        b.vendorInformation = vendorInformation;
        b.groupRequestIdentifier = groupRequestIdentifier;
        b.attributeList = attributeList;
        b.tokens = tokens;
        return b;
    }

    /** Builds a {@link Request}; only {@code operation} and {@code to} are required. */
    public static final class Builder {
        private Operation operation;
        private String to;
        private String from;
        private String requestId;
        private Integer resourceType;
        private JsonNode content;
        private String releaseVersion;
        private Integer resultContent;
        private FilterCriteria filterCriteria;
        private Integer desiredIdentifierResultType;
        private Integer responseType;
        private List<String> responseTargets;
        private String resultPersistence;
        private String eventCategory;
        private String originatingTimestamp;
        private String requestExpirationTimestamp;
        private String resultExpirationTimestamp;
        private String operationExecutionTime;
        private String vendorInformation;
        private String groupRequestIdentifier;
        private List<String> attributeList;
        private List<String> tokens;

        public Builder operation(Operation v) { operation = v; return this; }
        public Builder to(String v) { to = v; return this; }
        public Builder from(String v) { from = v; return this; }
        public Builder requestId(String v) { requestId = v; return this; }
        public Builder resourceType(Integer v) { resourceType = v; return this; }
        public Builder resourceType(ResourceType v) { resourceType = v == null ? null : v.ty(); return this; }
        public Builder content(JsonNode v) { content = v; return this; }
        public Builder releaseVersion(String v) { releaseVersion = v; return this; }
        public Builder resultContent(Integer v) { resultContent = v; return this; }
        public Builder filterCriteria(FilterCriteria v) { filterCriteria = v; return this; }
        public Builder desiredIdentifierResultType(Integer v) { desiredIdentifierResultType = v; return this; }
        public Builder responseType(Integer v) { responseType = v; return this; }
        public Builder responseTargets(List<String> v) { responseTargets = v; return this; }
        public Builder resultPersistence(String v) { resultPersistence = v; return this; }
        public Builder eventCategory(String v) { eventCategory = v; return this; }
        public Builder originatingTimestamp(String v) { originatingTimestamp = v; return this; }
        public Builder requestExpirationTimestamp(String v) { requestExpirationTimestamp = v; return this; }
        public Builder resultExpirationTimestamp(String v) { resultExpirationTimestamp = v; return this; }
        public Builder operationExecutionTime(String v) { operationExecutionTime = v; return this; }
        public Builder vendorInformation(String v) { vendorInformation = v; return this; }
        public Builder groupRequestIdentifier(String v) { groupRequestIdentifier = v; return this; }
        public Builder attributeList(List<String> v) { attributeList = v; return this; }
        public Builder tokens(List<String> v) { tokens = v; return this; }

        public Request build() {
            return new Request(operation, to, from, requestId, resourceType, content, releaseVersion, resultContent,
                    filterCriteria, desiredIdentifierResultType, responseType, responseTargets, resultPersistence,
                    eventCategory, originatingTimestamp, requestExpirationTimestamp, resultExpirationTimestamp,
                    operationExecutionTime, vendorInformation, groupRequestIdentifier, attributeList, tokens);
        }
    }
}
