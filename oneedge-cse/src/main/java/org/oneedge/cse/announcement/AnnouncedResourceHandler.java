package org.oneedge.cse.announcement;

import java.util.Set;
import org.oneedge.cse.resource.AttributeSchema;
import org.oneedge.cse.resource.AttributeSpec;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.resource.ValueType;
import org.oneedge.model.ResourceType;

/**
 * An announced resource ({@code …Annc}, TS-0001 9.6.26, digest §8.2) at the CSE it was announced to: {@code lnk}
 * (mandatory, the SP-relative address of the original) plus any attribute of the original type, all optional, since
 * the announcing CSE decides which ones it copies ({@code aa}).
 */
public final class AnnouncedResourceHandler implements ResourceHandler {

    private static final Set<String> UNIVERSAL = Set.of("ty", "ri", "pi", "ct", "lt", "st", "rn", "et", "lbl", "at",
            "aa", "cr", "acpi");

    private final ResourceType type;
    private final AttributeSchema schema;
    private final Set<ResourceType> children;

    /**
     * @param type           the announced type, e.g. {@link ResourceType#CONTAINER_ANNC}
     * @param originalSchema the attribute table of the original type
     * @param children       the announced types that may sit below it
     */
    public AnnouncedResourceHandler(ResourceType type, AttributeSchema originalSchema, Set<ResourceType> children) {
        this.type = type;
        this.children = Set.copyOf(children);
        AttributeSchema.Builder builder = AttributeSchema.builder(originalSchema.typeName() + "Annc")
                .mandatory("lnk", ValueType.ANY_URI)
                .accessControlPolicyIds()
                .creator();
        for (AttributeSpec spec : originalSchema.specs()) {
            if (!UNIVERSAL.contains(spec.name())) {
                builder.optional(spec.name(), spec.type());
            }
        }
        this.schema = builder.build();
    }

    @Override
    public ResourceType type() {
        return type;
    }

    @Override
    public AttributeSchema schema() {
        return schema;
    }

    @Override
    public Set<ResourceType> childTypes() {
        return children;
    }
}
