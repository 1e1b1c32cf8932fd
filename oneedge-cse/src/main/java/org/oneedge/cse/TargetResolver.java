package org.oneedge.cse;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.model.Address;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResourceType;
import org.oneedge.model.ResponseStatusCode;

/**
 * Finds the resource a local address names (TS-0004 6.2.3, digest §2.6): structured paths by path, unstructured ones
 * by {@code ri}, hybrid ones ({@code ri/child/...}) by the {@code ri}'s path plus the rest, and the virtual
 * {@code la}/{@code ol} children. A resource past its {@code et} counts as absent even before the sweep removes it.
 */
final class TargetResolver {

    private final CseConfig config;
    private final ResourceStore store;
    private final HandlerTable handlers;
    private final Set<String> delegatingNames;

    TargetResolver(CseConfig config, ResourceStore store, HandlerTable handlers) {
        this.config = config;
        this.store = store;
        this.handlers = handlers;
        this.delegatingNames = handlers.all().stream().flatMap(h -> h.virtualChildren().stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param address a local address ({@link Address#targetsCse} is true)
     * @throws OneM2MException NOT_FOUND naming the target when nothing lives there
     */
    Target resolve(Address address, String to, Instant now) {
        String path = switch (address.form(config.cseBaseName())) {
            case STRUCTURED -> address.structuredPath(config.cseBaseName());
            case UNSTRUCTURED -> null;
            case HYBRID -> {
                String p = address.path();
                int slash = p.indexOf('/');
                Resource base = live(store.get(p.substring(0, slash)), now)
                        .orElseThrow(() -> notFound(to));
                yield base.path() + p.substring(slash);
            }
        };
        if (path == null) {
            return live(store.get(address.path()), now).<Target>map(Target.Stored::new)
                    .orElseThrow(() -> notFound(to));
        }
        // la/ol first: the hot path of readers polling a container's newest instance, and no stored child of a
        // parent with instances can be named so (CreateOperation refuses the names there)
        Target virtual = virtual(path, now);
        if (virtual != null) {
            return virtual;
        }
        Optional<Resource> found = live(store.getByPath(path), now);
        if (found.isPresent()) {
            return new Target.Stored(found.get());
        }
        Target delegated = delegated(path, now);
        if (delegated != null) {
            return delegated;
        }
        throw notFound(to);
    }

    /** {@code <parent>/la} or {@code <parent>/ol} below a parent with instances, or null. */
    private Target virtual(String path, Instant now) {
        int slash = path.lastIndexOf('/');
        if (slash <= 0) {
            return null;
        }
        String last = path.substring(slash + 1);
        if (!last.equals(Target.Virtual.LATEST) && !last.equals(Target.Virtual.OLDEST)) {
            return null;
        }
        Optional<Resource> parent = live(store.getByPath(path.substring(0, slash)), now);
        if (parent.isEmpty()) {
            return null;
        }
        ResourceHandler handler = handlers.get(parent.get().type());
        ResourceType instanceType = handler == null ? null : handler.instanceType();
        return instanceType == null ? null : new Target.Virtual(parent.get(), last, instanceType);
    }

    /** A virtual child such as {@code <group>/fopt[/rest]}, or null. */
    private Target delegated(String path, Instant now) {
        if (delegatingNames.isEmpty()) {
            return null;
        }
        int start = path.indexOf('/');
        while (start > 0) {
            int end = path.indexOf('/', start + 1);
            String segment = end < 0 ? path.substring(start + 1) : path.substring(start + 1, end);
            if (delegatingNames.contains(segment)) {
                Optional<Resource> parent = live(store.getByPath(path.substring(0, start)), now);
                if (parent.isPresent()) {
                    ResourceHandler handler = handlers.get(parent.get().type());
                    if (handler != null && handler.virtualChildren().contains(segment)) {
                        return new Target.Delegated(parent.get(), segment, end < 0 ? "" : path.substring(end));
                    }
                }
            }
            start = end;
        }
        return null;
    }

    static Optional<Resource> live(Optional<Resource> resource, Instant now) {
        return resource.filter(r -> r.expiresAt() == null || r.expiresAt().isAfter(now));
    }

    static OneM2MException notFound(String to) {
        return new OneM2MException(ResponseStatusCode.NOT_FOUND, "target '" + to + "' does not exist on this CSE");
    }
}
