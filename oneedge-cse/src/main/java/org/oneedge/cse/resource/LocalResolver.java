package org.oneedge.cse.resource;

import java.util.Optional;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.model.Address;

/**
 * Finds the stored resource an identifier held in an attribute names (a group's {@code mid}, an AE's {@code nl}):
 * {@code ri}, structured path (also with {@code -}), hybrid {@code ri/child}, and the SP-relative and absolute forms of
 * these on this CSE (digest §2.6). Identifiers of other CSEs are {@linkplain #isRemote remote}.
 */
public final class LocalResolver {

    private final ResourceStore store;
    private final CseConfig config;

    public LocalResolver(ResourceStore store, CseConfig config) {
        this.store = store;
        this.config = config;
    }

    /** True when {@code id} is well-formed and names a resource on another CSE. */
    public boolean isRemote(String id) {
        Optional<Address> address = parse(id);
        return address.isPresent() && !address.get().targetsCse(config.cseId(), config.spId());
    }

    /** The local resource {@code id} names; empty when it is malformed, remote or names nothing stored. */
    public Optional<Resource> find(String id) {
        Optional<Address> parsed = parse(id);
        if (parsed.isEmpty() || !parsed.get().targetsCse(config.cseId(), config.spId())
                || parsed.get().attribute() != null) {
            return Optional.empty();
        }
        Address address = parsed.get();
        return switch (address.form(config.cseBaseName())) {
            case STRUCTURED -> store.getByPath(address.structuredPath(config.cseBaseName()));
            case UNSTRUCTURED -> store.get(address.path());
            case HYBRID -> {
                String p = address.path();
                int slash = p.indexOf('/');
                yield store.get(p.substring(0, slash)).flatMap(base -> store.getByPath(base.path() + p.substring(slash)));
            }
        };
    }

    private static Optional<Address> parse(String id) {
        try {
            return Optional.of(Address.parse(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
