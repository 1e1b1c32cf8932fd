package org.oneedge.testkit.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.ResourceType;

/** The simplest possible resource tree (a list scan for everything), the oracle of the store contract's property. */
final class StoreModel {

    private static final Comparator<Resource> CREATION_ORDER =
            Comparator.comparing(Resource::createdAt).thenComparing(Resource::ri);

    private final Resource root;
    private final Map<String, Resource> live = new LinkedHashMap<>();
    private final Set<String> deleted = new LinkedHashSet<>();

    StoreModel(Resource root) {
        this.root = root;
        live.put(root.ri(), root);
    }

    /** The n-th live node (modulo their number), in insertion order; the root is node 0. */
    Resource nodeAt(int n) {
        List<Resource> nodes = nodes();
        return nodes.get(n % nodes.size());
    }

    List<Resource> nodes() {
        return List.copyOf(live.values());
    }

    boolean hasChildNamed(String pi, String rn) {
        return live.values().stream().anyMatch(r -> r.pi().equals(pi) && r.rn().equals(rn));
    }

    void add(Resource r) {
        live.put(r.ri(), r);
    }

    void deleteSubtree(String ri) {
        for (Resource child : children(ri, null)) {
            deleteSubtree(child.ri());
        }
        live.remove(ri);
        deleted.add(ri);
    }

    List<Resource> children(String pi, ResourceType type) {
        return live.values().stream()
                .filter(r -> r.pi().equals(pi) && (type == null || r.type() == type))
                .sorted(CREATION_ORDER)
                .toList();
    }

    List<Resource> descendantsOfRoot() {
        List<Resource> all = new ArrayList<>(live.values());
        all.remove(root);
        all.sort(CREATION_ORDER);
        return all;
    }

    Set<String> deleted() {
        return deleted;
    }
}
