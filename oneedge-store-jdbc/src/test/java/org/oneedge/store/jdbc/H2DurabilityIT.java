package org.oneedge.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.ResourceType;

/**
 * An {@code apply} that returned survives a SIGKILL of the process (ARCHITECTURE.md, Storage): a child JVM writes to
 * an H2 file store from several threads and acknowledges each write on stdout, the test kills it mid-stream and
 * reopens the store.
 */
class H2DurabilityIT {

    private static final int ACKS_BEFORE_KILL = 500;
    private static final int KILLS = 3;
    private static final int IMPORTED = 200;
    private static final int KEEP = 20;
    private static final int CHURN_ACKS = 300;

    @Test
    void every_acknowledged_write_survives_a_kill_of_the_process(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        List<String> acknowledged = writeUntilKilled(dir, data, 0, ACKS_BEFORE_KILL);

        try (JdbcResourceStore store = JdbcResourceStore.h2File(data)) {
            List<String> lost = acknowledged.stream().filter(ri -> store.get(ri).isEmpty()).toList();
            assertThat(lost).as("acknowledged but lost, of %d", acknowledged.size()).isEmpty();
            for (int t = 0; t < 4; t++) {
                Resource cnt = store.get("Ccnt" + t).orElseThrow();
                long instances = store.countChildren(cnt.ri(), ResourceType.CONTENT_INSTANCE);
                assertThat(cnt.attributes().get("n").asLong())
                        .as("container and its instances were committed together")
                        .isEqualTo(instances);
            }
        }
    }

    /**
     * As above, on a store that was killed before: each run of the writer reopens the file a SIGKILL left behind
     * and goes on writing, and is killed in turn (a node that crashes again after its recovery).
     */
    @Test
    void every_acknowledged_write_survives_repeated_kills_on_the_same_file(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        List<String> acknowledged = new ArrayList<>();
        for (int run = 1; run <= KILLS; run++) { // reopened unclean each time, as a restarted node does
            acknowledged.addAll(writeUntilKilled(dir, data, KEEP, CHURN_ACKS, IMPORTED));
        }
        Map<String, Long> newest = new HashMap<>();
        List<String> imported = new ArrayList<>();
        for (String ri : acknowledged) {
            int dash = ri.lastIndexOf('-');
            if (ri.startsWith("Cimp")) {
                imported.add(ri);
            } else if (dash > 0) {
                newest.merge(ri.substring(0, dash), Long.parseLong(ri.substring(dash + 1)), Math::max);
            }
        }
        try (JdbcResourceStore store = JdbcResourceStore.h2File(data)) {
            List<String> lost = new ArrayList<>(imported.stream().filter(ri -> store.get(ri).isEmpty()).toList());
            // each writer has one write in flight: the newest acknowledged instance and the KEEP - 2 before it are
            // stored whatever that write did
            newest.forEach((cnt, n) -> {
                for (long i = Math.max(1, n - KEEP + 2); i <= n; i++) {
                    if (store.get(cnt + "-" + i).isEmpty()) {
                        lost.add(cnt + "-" + i);
                    }
                }
            });
            assertThat(lost).as("acknowledged but lost after %d kills (newest %s)", KILLS, newest).isEmpty();
        }
    }

    /** Runs {@link DurabilityWriterMain} on {@code data}, SIGKILLs it after {@code acks} acks; returns every ack. */
    private static List<String> writeUntilKilled(Path dir, Path data, int keep, int acks) throws Exception {
        return writeUntilKilled(dir, data, keep, acks, 0);
    }

    private static List<String> writeUntilKilled(Path dir, Path data, int keep, int acks, int imported)
            throws Exception {
        Path stderr = dir.resolve("writer.err");
        Process writer = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                DurabilityWriterMain.class.getName(), data.toString(), "4", Integer.toString(keep),
                Integer.toString(imported))
                .redirectError(stderr.toFile())
                .start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < acks && (line = out.readLine()) != null) {
                collect(line, acknowledged);
            }
            // SIGKILL: no shutdown hooks, no clean close. Through the handle, because Process.destroyForcibly()
            // would also close our end of the pipe, which still holds acknowledgements printed before the kill.
            writer.toHandle().destroyForcibly();
            while ((line = out.readLine()) != null) {
                collect(line, acknowledged);
            }
        } finally {
            writer.destroyForcibly();
            writer.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(acknowledged).as("acks before the writer stopped; its stderr: %s", read(stderr))
                .hasSizeGreaterThanOrEqualTo(acks);
        assertThat(writer.exitValue()).as("the writer was killed, it did not finish").isEqualTo(128 + 9);
        return acknowledged;
    }

    private static void collect(String line, List<String> acknowledged) {
        if (line.startsWith("ack ")) {
            acknowledged.add(line.substring(4));
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
