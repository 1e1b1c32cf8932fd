package org.oneedge.cse.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.oneedge.cse.resource.AttributeSpec.Presence;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResponseStatusCode;

/**
 * The attribute table of one resource type, and the checks every CREATE and UPDATE content goes through before a
 * handler sees it: unknown attribute, read-only or not-permitted attribute, wrong value type, missing mandatory
 * attribute. Each failure is 4000 BAD_REQUEST with a message naming the attribute (TS-0004 7.3.3.x, 7.3.4.x).
 */
public final class AttributeSchema {

    private final String typeName;
    private final Map<String, AttributeSpec> specs;

    private AttributeSchema(String typeName, Map<String, AttributeSpec> specs) {
        this.typeName = typeName;
        this.specs = Map.copyOf(specs);
    }

    /**
     * Starts a table holding the universal and common attributes every type has (digest §1.4):
     * {@code ty ri pi ct lt st} read-only, {@code rn} create-only, {@code et lbl at aa ast} optional.
     *
     * @param typeName the type's long name for messages, e.g. "container"
     */
    public static Builder builder(String typeName) {
        return new Builder(typeName)
                .readOnly("ty", ValueType.INTEGER)
                .readOnly("ri", ValueType.STRING)
                .readOnly("pi", ValueType.STRING)
                .readOnly("ct", ValueType.TIMESTAMP)
                .readOnly("lt", ValueType.TIMESTAMP)
                .add("rn", ValueType.STRING, Presence.OPTIONAL, Presence.NOT_PERMITTED)
                .optional("et", ValueType.TIMESTAMP)
                .optional("lbl", ValueType.STRING_LIST)
                .optional("at", ValueType.ANY_URI_LIST)
                .optional("aa", ValueType.STRING_LIST)
                .optional("ast", ValueType.POSITIVE_INTEGER);
    }

    /** The type's long name used in messages. */
    public String typeName() {
        return typeName;
    }

    public Optional<AttributeSpec> spec(String name) {
        return Optional.ofNullable(specs.get(name));
    }

    public Collection<AttributeSpec> specs() {
        return specs.values();
    }

    /**
     * Checks the content of a CREATE. {@code cr} is accepted only as null (the CSE then sets it, TS-0004 7.3.3.2).
     *
     * @throws OneM2MException BAD_REQUEST naming the first offending attribute
     */
    public void validateCreate(ObjectNode content) {
        for (Map.Entry<String, JsonNode> field : content.properties()) {
            AttributeSpec spec = known(field.getKey());
            JsonNode value = field.getValue();
            if (spec.name().equals("cr")) {
                if (!value.isNull()) {
                    throw bad("attribute 'cr' must be null on CREATE; the CSE sets the creator");
                }
                continue;
            }
            if (spec.readOnly()) {
                throw bad("attribute '" + spec.name() + "' of " + typeName + " is read-only");
            }
            if (spec.onCreate() == Presence.NOT_PERMITTED) {
                throw bad("attribute '" + spec.name() + "' is not permitted on CREATE of " + typeName);
            }
            if (value.isNull()) {
                if (spec.onCreate() == Presence.MANDATORY) {
                    throw bad("mandatory attribute '" + spec.name() + "' of " + typeName + " must not be null");
                }
                continue;
            }
            checkType(spec, value);
        }
        for (AttributeSpec spec : specs.values()) {
            if (spec.onCreate() == Presence.MANDATORY && !content.hasNonNull(spec.name())) {
                throw bad("mandatory attribute '" + spec.name() + "' of " + typeName + " is missing");
            }
        }
    }

    /**
     * Checks the content of an UPDATE; a null value asks to remove an optional attribute.
     *
     * @throws OneM2MException BAD_REQUEST naming the first offending attribute
     */
    public void validateUpdate(ObjectNode content) {
        for (Map.Entry<String, JsonNode> field : content.properties()) {
            AttributeSpec spec = known(field.getKey());
            if (spec.readOnly()) {
                throw bad("attribute '" + spec.name() + "' of " + typeName + " is read-only");
            }
            if (spec.onUpdate() == Presence.NOT_PERMITTED) {
                throw bad("attribute '" + spec.name() + "' of " + typeName + " cannot be updated");
            }
            JsonNode value = field.getValue();
            if (value.isNull()) {
                if (spec.onCreate() == Presence.MANDATORY) {
                    throw bad("attribute '" + spec.name() + "' of " + typeName + " is mandatory and cannot be removed");
                }
                continue;
            }
            checkType(spec, value);
        }
    }

    private AttributeSpec known(String name) {
        AttributeSpec spec = specs.get(name);
        if (spec == null) {
            throw bad("unknown attribute '" + name + "' for " + typeName);
        }
        return spec;
    }

    private void checkType(AttributeSpec spec, JsonNode value) {
        if (!spec.type().accepts(value)) {
            throw bad("attribute '" + spec.name() + "' must be " + spec.type().description());
        }
    }

    private static OneM2MException bad(String message) {
        return new OneM2MException(ResponseStatusCode.BAD_REQUEST, message);
    }

    /** Collects the rows of a table; later rows replace earlier ones with the same name. */
    public static final class Builder {
        private final String typeName;
        private final Map<String, AttributeSpec> specs = new LinkedHashMap<>();

        private Builder(String typeName) {
            this.typeName = typeName;
        }

        public Builder add(String name, ValueType type, Presence onCreate, Presence onUpdate) {
            specs.put(name, new AttributeSpec(name, type, onCreate, onUpdate));
            return this;
        }

        /** Optional on CREATE and UPDATE. */
        public Builder optional(String name, ValueType type) {
            return add(name, type, Presence.OPTIONAL, Presence.OPTIONAL);
        }

        /** Mandatory on CREATE, optional on UPDATE. */
        public Builder mandatory(String name, ValueType type) {
            return add(name, type, Presence.MANDATORY, Presence.OPTIONAL);
        }

        /** Mandatory on CREATE, fixed afterwards. */
        public Builder mandatoryFixed(String name, ValueType type) {
            return add(name, type, Presence.MANDATORY, Presence.NOT_PERMITTED);
        }

        /** Set only by the CSE. */
        public Builder readOnly(String name, ValueType type) {
            return add(name, type, Presence.NOT_PERMITTED, Presence.NOT_PERMITTED);
        }

        /** {@code acpi}: optional list of ACP ids (digest §1.4). */
        public Builder accessControlPolicyIds() {
            return optional("acpi", ValueType.ANY_URI_LIST);
        }

        /** {@code cr}: null on CREATE asks the CSE to record the creator; fixed afterwards. */
        public Builder creator() {
            return add("cr", ValueType.STRING, Presence.OPTIONAL, Presence.NOT_PERMITTED);
        }

        /** {@code st}: the state tag, kept by the CSE. */
        public Builder stateTag() {
            return readOnly("st", ValueType.NON_NEGATIVE_INTEGER);
        }

        public Builder remove(String name) {
            specs.remove(name);
            return this;
        }

        public AttributeSchema build() {
            return new AttributeSchema(typeName, specs);
        }
    }
}
