package org.oneedge.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.ResourceType;

class ReadCacheTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final ReadCache cache = new ReadCache(100);

    @Test
    void drops_a_read_that_a_commit_overtook() {
        Resource container = container(0);
        long readAt = cache.generation();
        cache.committed(List.of(new RowWrite.Update(ResourceRow.of(container(1)))));

        cache.offer(container, readAt);

        assertThat(cache.byRi("cnt1")).isNull();
        assertThat(cache.byPath("cse-in/ae/cnt")).isNull();
    }

    @Test
    void a_committed_update_replaces_the_cached_row() {
        cache.offer(container(0), cache.generation());

        cache.committed(List.of(new RowWrite.Update(ResourceRow.of(container(1)))));

        assertThat(cache.byRi("cnt1").modifiedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(cache.byPath("cse-in/ae/cnt").modifiedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void a_committed_newer_instance_becomes_the_latest_child_and_a_delete_empties_the_cache() {
        cache.offerLatestChild(instance("cin1", 1), cache.generation());

        cache.committed(List.of(new RowWrite.Insert(ResourceRow.of(instance("cin2", 2)))));
        assertThat(cache.latestChild("cnt1", ResourceType.CONTENT_INSTANCE.ty()).ri()).isEqualTo("cin2");

        cache.committed(List.of(new RowWrite.DeleteSubtree("cin2")));
        assertThat(cache.latestChild("cnt1", ResourceType.CONTENT_INSTANCE.ty())).isNull();
    }

    @Test
    void a_cache_of_size_zero_keeps_nothing() {
        ReadCache off = new ReadCache(0);
        off.offer(container(0), off.generation());

        assertThat(off.byRi("cnt1")).isNull();
    }

    private static Resource container(int modified) {
        return new Resource("cnt1", "ae1", ResourceType.CONTAINER, "cnt", "cse-in/ae/cnt", T0,
                T0.plusSeconds(modified), null, ContentCodec.object().put("cni", modified));
    }

    private static Resource instance(String ri, int created) {
        return new Resource(ri, "cnt1", ResourceType.CONTENT_INSTANCE, ri, "cse-in/ae/cnt/" + ri,
                T0.plusSeconds(created), T0.plusSeconds(created), null, ContentCodec.object().put("con", ri));
    }
}
