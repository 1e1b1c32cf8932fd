package org.oneedge.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.Write;
import org.oneedge.model.ResourceType;

/**
 * An acknowledged write survives a crash once H2 writes its chunks into the space of dead chunks, which an H2 file
 * does once its dead chunks are older than the retention time (45 s by default, 0 here to get there at once). A copy
 * of the file taken right after {@code apply} returned is what a SIGKILL at that moment leaves (H2 writes each commit
 * to the file before it returns, with no buffer of its own); each copy is reopened as a restarted node would.
 */
class H2CrashCopyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final int WRITES = 150;
    private static final int CRASHES = 6;
    private static final int KEEP = 10;

    @Test
    void every_acknowledged_write_survives_a_crash_once_chunk_space_is_reused(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data");
        Random random = new Random(7);
        List<String> crashedAfter = new ArrayList<>();
        try (JdbcResourceStore store = JdbcResourceStore.open(JdbcStoreConfig.builder(
                JdbcResourceStore.h2FileUrl(data) + ";RETENTION_TIME=0").build())) {
            Resource cb = resource(null, "id-in", ResourceType.CSE_BASE, "cse-in", 0, 0);
            Resource cnt = resource(cb, "Ccnt", ResourceType.CONTAINER, "cnt", 0, 0);
            store.apply(List.of(new Write.Create(cb), new Write.Create(cnt)));
            for (int i = 1; i <= WRITES; i++) {
                // instances of varying size, the oldest deleted (mni): chunks of varying length, holes to reuse
                List<Write> writes = new ArrayList<>(List.of(
                        new Write.Create(resource(cnt, "Ccin-" + i, ResourceType.CONTENT_INSTANCE, "cin" + i, i,
                                random.nextInt(12_000))),
                        new Write.Update(resource(cb, "Ccnt", ResourceType.CONTAINER, "cnt", i, 0))));
                if (i > KEEP) {
                    writes.add(new Write.Delete("Ccin-" + (i - KEEP)));
                }
                store.apply(writes);
                if (i > WRITES - CRASHES) {
                    Path copy = dir.resolve("crash-" + i);
                    Files.createDirectories(copy);
                    Files.copy(data.resolve("oneedge.mv.db"), copy.resolve("oneedge.mv.db"));
                    crashedAfter.add("Ccin-" + i);
                }
            }
        }
        List<String> lost = new ArrayList<>();
        for (String ri : crashedAfter) {
            Path copy = dir.resolve("crash-" + ri.substring(ri.indexOf('-') + 1));
            try (JdbcResourceStore restarted = JdbcResourceStore.h2File(copy)) {
                if (restarted.get(ri).isEmpty()) {
                    lost.add(ri + " (container at " + restarted.get("Ccnt").orElseThrow().attributes().get("n") + ")");
                }
            }
        }
        assertThat(lost).as("acknowledged, then lost by a crash right after").isEmpty();
    }

    @Test
    void leaves_a_cleanly_closed_file_as_it_is(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data");
        try (JdbcResourceStore store = JdbcResourceStore.h2File(data)) {
            store.apply(List.of(new Write.Create(resource(null, "id-in", ResourceType.CSE_BASE, "cse-in", 0, 10))));
        }
        Path file = data.resolve("oneedge.mv.db");
        byte[] before = Files.readAllBytes(file);

        assertThat(H2HeaderRepair.repair(file)).isFalse();
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void leaves_a_file_alone_while_a_store_has_it_open(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data");
        try (JdbcResourceStore store = JdbcResourceStore.open(JdbcStoreConfig.builder(
                JdbcResourceStore.h2FileUrl(data) + ";RETENTION_TIME=0").build())) {
            Resource cb = resource(null, "id-in", ResourceType.CSE_BASE, "cse-in", 0, 0);
            store.apply(List.of(new Write.Create(cb)));
            for (int i = 1; i <= 40; i++) {
                store.apply(List.of(new Write.Update(resource(null, "id-in", ResourceType.CSE_BASE, "cse-in", i,
                        i * 300))));
            }
            Path file = data.resolve("oneedge.mv.db");
            byte[] header = Arrays.copyOf(Files.readAllBytes(file), 8192);

            assertThat(H2HeaderRepair.repair(file)).isFalse();
            assertThat(Arrays.copyOf(Files.readAllBytes(file), 8192)).isEqualTo(header);
        }
    }

    private static Resource resource(Resource parent, String ri, ResourceType type, String rn, long n, int padding) {
        ObjectNode attributes = JSON.createObjectNode().put("ri", ri).put("rn", rn).put("n", n)
                .put("con", "x".repeat(padding));
        return new Resource(ri, parent == null ? "" : parent.ri(), type, rn,
                parent == null ? rn : parent.path() + "/" + rn, T0.plusSeconds(n), T0.plusSeconds(n), null,
                attributes);
    }
}
