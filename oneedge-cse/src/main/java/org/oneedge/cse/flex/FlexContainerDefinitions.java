package org.oneedge.cse.flex;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oneedge.cse.resource.AttributeSchema;
import org.oneedge.model.ContentCodec;

/**
 * The flexContainer specializations one CSE knows, by {@code cnd} and by root key (TS-0004 7.4.37; ACME loads the
 * same kind of data from {@code *.fcp} files, digest §7.2). Immutable; the built-in set is read once from
 * {@code flex-definitions.json} on the classpath (a TS-0023 temperature module class and OneEdge's own
 * {@code org.oneedge.*} specializations); more can be added with {@link #with}.
 */
public final class FlexContainerDefinitions {

    /** The classpath resource holding the built-in definitions. */
    public static final String BUILT_IN_RESOURCE = "/org/oneedge/cse/flex/flex-definitions.json";

    private final Map<String, FlexContainerDefinition> byCnd;
    private final Map<String, FlexContainerDefinition> byRootKey;
    private final Map<String, AttributeSchema> schemaByRootKey;

    private FlexContainerDefinitions(Collection<FlexContainerDefinition> definitions) {
        Map<String, FlexContainerDefinition> cnd = new LinkedHashMap<>();
        Map<String, FlexContainerDefinition> key = new LinkedHashMap<>();
        Map<String, AttributeSchema> schemas = new LinkedHashMap<>();
        for (FlexContainerDefinition d : definitions) {
            FlexContainerDefinition previous = key.get(d.rootKey());
            if (previous != null && !previous.cnd().equals(d.cnd())) {
                throw new IllegalArgumentException("root key " + d.rootKey() + " is used by " + previous.cnd()
                        + " and " + d.cnd());
            }
            cnd.put(d.cnd(), d);
            key.put(d.rootKey(), d);
            schemas.put(d.rootKey(), d.schema());
        }
        this.byCnd = Map.copyOf(cnd);
        this.byRootKey = Map.copyOf(key);
        this.schemaByRootKey = Map.copyOf(schemas);
    }

    public static FlexContainerDefinitions of(Collection<FlexContainerDefinition> definitions) {
        return new FlexContainerDefinitions(definitions);
    }

    /** The definitions shipped with OneEdge, read from {@link #BUILT_IN_RESOURCE}. */
    public static FlexContainerDefinitions builtIn() {
        try (InputStream in = FlexContainerDefinitions.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN_RESOURCE + " is missing from the classpath");
            }
            return of(parse(ContentCodec.mapper().readTree(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUILT_IN_RESOURCE, e);
        }
    }

    /**
     * Reads definitions from JSON {@code {"definitions":[{"cnd","rootKey","attributes":[{"sn","ln","type","mandatory"}]}]}}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static List<FlexContainerDefinition> parse(JsonNode document) {
        List<FlexContainerDefinition> out = new ArrayList<>();
        for (JsonNode d : document.path("definitions")) {
            List<CustomAttribute> attributes = new ArrayList<>();
            for (JsonNode a : d.path("attributes")) {
                attributes.add(new CustomAttribute(a.path("sn").asText(null), a.path("ln").asText(null),
                        CustomAttribute.Kind.parse(a.path("type").asText("")), a.path("mandatory").asBoolean(false)));
            }
            out.add(new FlexContainerDefinition(d.path("cnd").asText(null), d.path("rootKey").asText(null),
                    attributes));
        }
        return out;
    }

    /** These definitions plus others (a later one with the same {@code cnd} replaces the earlier). */
    public FlexContainerDefinitions with(Collection<FlexContainerDefinition> more) {
        Map<String, FlexContainerDefinition> all = new LinkedHashMap<>(byCnd);
        more.forEach(d -> all.put(d.cnd(), d));
        return new FlexContainerDefinitions(all.values());
    }

    public Optional<FlexContainerDefinition> byCnd(String cnd) {
        return Optional.ofNullable(byCnd.get(cnd));
    }

    public Optional<FlexContainerDefinition> byRootKey(String rootKey) {
        return Optional.ofNullable(byRootKey.get(rootKey));
    }

    /** The attribute table of the specialization with this root key, built once. */
    AttributeSchema schema(String rootKey) {
        return schemaByRootKey.get(rootKey);
    }

    public Collection<FlexContainerDefinition> all() {
        return byCnd.values();
    }
}
