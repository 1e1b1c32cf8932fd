package org.oneedge.cse.announcement;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.oneedge.cse.resource.AttributeSchema;
import org.oneedge.cse.resource.AttributeSpec;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.resource.ValueType;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.ResourceType;

/**
 * An announced resource ({@code …Annc}, TS-0001 9.6.26, digest §1.1 and §8.2) at the CSE it was announced to: {@code lnk}
 * (mandatory, the SP-relative address of the original) plus any attribute of the original type, all optional, since
 * the announcing CSE decides which ones it copies ({@code aa}). Types with specializations (mgmtObj, flexContainer)
 * travel under the specialization's key with an {@code A} suffix ({@code m2m:fwrA}, {@code oe:ueInfoA}).
 */
public final class AnnouncedResourceHandler implements ResourceHandler {

    private static final Set<String> UNIVERSAL = Set.of("ty", "ri", "pi", "ct", "lt", "st", "rn", "et", "lbl", "at",
            "aa", "cr", "acpi", "lnk");

    private final ResourceType type;
    private final AttributeSchema schema;
    private final Set<ResourceType> children;
    private final Function<String, Optional<AttributeSchema>> specialization;
    private final Function<Resource, Optional<String>> originalRootKey;
    private final Map<String, AttributeSchema> specialized = new ConcurrentHashMap<>();

    /**
     * @param type           the announced type, e.g. {@link ResourceType#CONTAINER_ANNC}
     * @param originalSchema the attribute table of the original type
     * @param children       the announced types that may sit below it
     */
    public AnnouncedResourceHandler(ResourceType type, AttributeSchema originalSchema, Set<ResourceType> children) {
        this(type, originalSchema, children, key -> Optional.empty(), r -> Optional.empty());
    }

    /**
     * For types with specializations.
     *
     * @param specialization  the original schema for an original root key (e.g. {@code m2m:fwr}), if known
     * @param originalRootKey the original root key of a stored copy (from its {@code mgd} or {@code cnd})
     */
    public AnnouncedResourceHandler(ResourceType type, AttributeSchema originalSchema, Set<ResourceType> children,
                                    Function<String, Optional<AttributeSchema>> specialization,
                                    Function<Resource, Optional<String>> originalRootKey) {
        this.type = type;
        this.children = Set.copyOf(children);
        this.schema = announced(originalSchema);
        this.specialization = specialization;
        this.originalRootKey = originalRootKey;
    }

    private static AttributeSchema announced(AttributeSchema original) {
        AttributeSchema.Builder builder = AttributeSchema.builder(original.typeName() + "Annc")
                .mandatory("lnk", ValueType.ANY_URI)
                .accessControlPolicyIds()
                .creator();
        for (AttributeSpec spec : original.specs()) {
            if (!UNIVERSAL.contains(spec.name())) {
                builder.optional(spec.name(), spec.type());
            }
        }
        return builder.build();
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
    public AttributeSchema schema(String rootKey) {
        if (rootKey.equals(rootKey())) {
            return schema;
        }
        if (rootKey.length() < 2 || !rootKey.endsWith("A")) {
            return null;
        }
        String original = rootKey.substring(0, rootKey.length() - 1);
        return specialization.apply(original)
                .map(s -> specialized.computeIfAbsent(rootKey, k -> announced(s))).orElse(null);
    }

    @Override
    public String rootKey(Resource resource) {
        return originalRootKey.apply(resource).map(k -> k + "A").orElse(rootKey());
    }

    @Override
    public Set<ResourceType> childTypes() {
        return children;
    }
}
