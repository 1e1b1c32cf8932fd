package org.oneedge.cse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.cse.store.Write;
import org.oneedge.model.ResourceType;
import org.oneedge.model.ResponseStatusCode;

/** The hot paths (instance create, {@code la}/{@code ol}) never list a container's children, however many it has. */
class ScanFreePathsTest {

    /** Records the listing calls the engine makes. */
    private static final class RecordingStore implements ResourceStore {
        final InMemoryResourceStore delegate = new InMemoryResourceStore();
        final List<String> listings = new ArrayList<>();

        @Override public Optional<Resource> get(String ri) { return delegate.get(ri); }
        @Override public Optional<Resource> getByPath(String path) { return delegate.getByPath(path); }
        @Override public void apply(List<Write> writes) { delegate.apply(writes); }
        @Override public List<Resource> children(String pi, ResourceType type, int offset, int limit) {
            listings.add("children limit " + limit);
            return delegate.children(pi, type, offset, limit);
        }
        @Override public long countChildren(String pi, ResourceType type) {
            listings.add("countChildren");
            return delegate.countChildren(pi, type);
        }
        @Override public Optional<Resource> oldestChild(String pi, ResourceType type) { return delegate.oldestChild(pi, type); }
        @Override public Optional<Resource> latestChild(String pi, ResourceType type) { return delegate.latestChild(pi, type); }
        @Override public List<Resource> descendants(String path, int maxLevel, Set<ResourceType> types) {
            listings.add("descendants of " + path);
            return delegate.descendants(path, maxLevel, types);
        }
        @Override public List<Resource> expiredBefore(Instant instant, int limit) { return delegate.expiredBefore(instant, limit); }
        @Override public void close() { }
    }

    @Test
    void instance_create_and_latest_oldest_reads_do_not_list_the_children() {
        RecordingStore store = new RecordingStore();
        Cse cse = Cse.builder().store(store).build();
        cse.start();
        try {
            TestCse t = new TestCse(store.delegate, cse);
            t.registerAe("CAE1", "AE1");
            t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"c\",\"mni\":50}}");
            for (int i = 0; i < 120; i++) {
                t.create("cse-in/AE1/c", "CAE1", ResourceType.CONTENT_INSTANCE, "{\"m2m:cin\":{\"con\":\"v" + i + "\"}}");
            }
            store.listings.clear();
            for (int i = 0; i < 30; i++) {
                t.create("cse-in/AE1/c", "CAE1", ResourceType.CONTENT_INSTANCE, "{\"m2m:cin\":{\"con\":\"w" + i + "\"}}");
                assertThat(t.retrieve("cse-in/AE1/c/la").content().at("/m2m:cin/con").asText()).isEqualTo("w" + i);
                assertThat(t.retrieve("cse-in/AE1/c/ol").statusCode()).isEqualTo(ResponseStatusCode.OK);
            }
            assertThat(store.listings).allMatch(call -> call.equals("children limit 16"));
        } finally {
            cse.close();
        }
    }
}
