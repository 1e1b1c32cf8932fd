package org.oneedge.cse.flex;

import java.util.List;
import java.util.Set;
import org.oneedge.cse.resource.AttributeSchema;
import org.oneedge.cse.resource.AttributeSpec.Presence;
import org.oneedge.cse.resource.ValueType;

/**
 * One flexContainer specialization as data (TS-0004 7.4.37, digest §7.2): the {@code cnd} that selects it, the JSON
 * root key it travels under (e.g. {@code cod:tempe}, {@code oe:ueInfo}) and its custom attributes. Its
 * {@link #schema()} is the attribute table every CREATE and UPDATE of such a flexContainer is checked against.
 *
 * @param cnd        containerDefinition, e.g. {@code org.oneedge.mec.ueInfo}
 * @param rootKey    the namespaced JSON root key, e.g. {@code oe:ueInfo}
 * @param attributes the custom attributes
 */
public record FlexContainerDefinition(String cnd, String rootKey, List<CustomAttribute> attributes) {

    /** The flexContainer's own attributes; custom attributes may not reuse these names. */
    private static final Set<String> RESERVED = Set.of("ty", "ri", "pi", "ct", "lt", "rn", "et", "lbl", "at", "aa",
            "acpi", "cr", "st", "cnd", "or", "nl", "cs", "mni", "mbs", "mia", "cni", "cbs", "fcied", "daci", "cstn");

    public FlexContainerDefinition {
        if (cnd == null || cnd.isBlank() || rootKey == null || !rootKey.contains(":")) {
            throw new IllegalArgumentException("a definition needs a cnd and a namespaced root key (ns:name), was "
                    + cnd + " / " + rootKey);
        }
        attributes = List.copyOf(attributes);
        for (CustomAttribute a : attributes) {
            if (RESERVED.contains(a.shortName())) {
                throw new IllegalArgumentException("definition " + cnd + ": custom attribute '" + a.shortName()
                        + "' clashes with a flexContainer attribute");
            }
        }
        if (attributes.stream().map(CustomAttribute::shortName).distinct().count() != attributes.size()) {
            throw new IllegalArgumentException("definition " + cnd + " names a custom attribute twice");
        }
    }

    /** True when {@code name} is one of the custom attributes. */
    public boolean isCustom(String name) {
        return attributes.stream().anyMatch(a -> a.shortName().equals(name));
    }

    /** The universal, flexContainer and custom attributes of this specialization. */
    public AttributeSchema schema() {
        AttributeSchema.Builder b = AttributeSchema.builder("flexContainer " + cnd)
                .accessControlPolicyIds()
                .creator()
                .stateTag()
                .mandatoryFixed("cnd", ValueType.STRING)
                .optional("or", ValueType.ANY_URI)
                .optional("nl", ValueType.ANY_URI)
                .readOnly("cs", ValueType.NON_NEGATIVE_INTEGER)
                .optional("mni", ValueType.NON_NEGATIVE_INTEGER)
                .optional("mbs", ValueType.NON_NEGATIVE_INTEGER)
                .optional("mia", ValueType.NON_NEGATIVE_INTEGER)
                .readOnly("cni", ValueType.NON_NEGATIVE_INTEGER)
                .readOnly("cbs", ValueType.NON_NEGATIVE_INTEGER)
                .optional("fcied", ValueType.BOOLEAN)
                .optional("daci", ValueType.ANY_URI_LIST)
                .optional("cstn", ValueType.STRING);
        for (CustomAttribute a : attributes) {
            b.add(a.shortName(), a.kind().valueType(), a.mandatory() ? Presence.MANDATORY : Presence.OPTIONAL,
                    Presence.OPTIONAL);
        }
        return b.build();
    }
}
