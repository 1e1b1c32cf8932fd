package org.oneedge.store.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.cse.store.Write;
import org.oneedge.model.ResourceType;

/**
 * Measures what the CSE benchmark needs from the store: contentInstance creates per second (each an {@code apply} of
 * [Create cin, Update container], as the engine does) at 1 and 8 client threads on a durable H2 file store, and
 * {@code la} lookups per second on containers with 10 and 100,000 instances.
 *
 * <pre>
 * java -cp ... org.oneedge.store.jdbc.StoreThroughputBenchmark [dir] [seconds per run] [jdbc url user password]
 * </pre>
 */
public final class StoreThroughputBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("oneedge-bench");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (JdbcResourceStore store = args.length > 4
                ? JdbcResourceStore.postgres(args[2], args[3], args[4])
                : JdbcResourceStore.h2File(dir)) {
            Resource cb = new Resource("id-in", "", ResourceType.CSE_BASE, "cse-in", "cse-in", T0, T0, null,
                    JSON.createObjectNode().put("csi", "/id-in"));
            store.apply(new Write.Create(cb));
            for (int threads : new int[] {1, 8, 1, 8}) {
                double rate = creates(store, cb, threads, seconds);
                System.out.printf("creates [cin + cnt update], %d threads: %,.0f /s%n", threads, rate);
            }
            for (int size : new int[] {10, 100_000}) {
                Resource cnt = container(cb, "la" + size);
                store.apply(new Write.Create(cnt));
                fill(store, cnt, size);
                for (int threads : new int[] {1, 8}) {
                    double rate = latest(store, cnt, threads, seconds);
                    System.out.printf("la lookups, %,d children, %d threads: %,.0f /s%n", size, threads, rate);
                }
            }
        }
        System.out.printf("data directory %s: %,d bytes%n", dir, directorySize(dir));
    }

    private static double creates(ResourceStore store, Resource cb, int threads, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder done = new LongAdder();
        CountDownLatch ready = new CountDownLatch(threads);
        List<Thread> clients = new ArrayList<>();
        String run = Long.toString(System.nanoTime(), 36);
        for (int t = 0; t < threads; t++) {
            Resource cnt = container(cb, "cnt" + run + "_" + t);
            store.apply(new Write.Create(cnt));
            clients.add(Thread.ofPlatform().start(() -> {
                ready.countDown();
                Resource current = cnt;
                long i = 0;
                while (!stop.get()) {
                    i++;
                    Resource cin = contentInstance(current, i);
                    Resource counted = withCount(current, i);
                    store.apply(List.of(new Write.Create(cin), new Write.Update(counted)));
                    current = counted;
                    done.increment();
                }
            }));
        }
        ready.await();
        Thread.sleep(1_000);
        long start = System.nanoTime();
        long before = done.sum();
        Thread.sleep(seconds * 1_000L);
        long after = done.sum();
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Thread client : clients) {
            client.join();
        }
        return (after - before) / elapsed;
    }

    private static double latest(ResourceStore store, Resource cnt, int threads, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder done = new LongAdder();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            clients.add(Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    Optional<Resource> la = store.latestChild(cnt.ri(), ResourceType.CONTENT_INSTANCE);
                    if (la.isEmpty()) {
                        throw new IllegalStateException("no la");
                    }
                    done.increment();
                }
            }));
        }
        Thread.sleep(1_000);
        long start = System.nanoTime();
        long before = done.sum();
        Thread.sleep(seconds * 1_000L);
        long after = done.sum();
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Thread client : clients) {
            client.join();
        }
        return (after - before) / elapsed;
    }

    private static void fill(ResourceStore store, Resource cnt, int size) {
        List<Write> batch = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            batch.add(new Write.Create(contentInstance(cnt, i)));
            if (batch.size() == 1_000 || i == size) {
                store.apply(batch);
                batch.clear();
            }
        }
    }

    private static Resource container(Resource parent, String rn) {
        ObjectNode a = JSON.createObjectNode();
        a.put("rn", rn).put("ty", 3).put("ri", "cnt-" + rn).put("pi", parent.ri())
                .put("ct", "20260301T100000,000000").put("lt", "20260301T100000,000000")
                .put("et", "20270301T100000,000000").put("st", 0).put("mni", 1_000_000).put("mbs", 100_000_000)
                .put("cni", 0).put("cbs", 0).putArray("lbl").add("bench").add("oneedge");
        return new Resource("cnt-" + rn, parent.ri(), ResourceType.CONTAINER, rn, parent.path() + "/" + rn, T0, T0,
                T0.plusSeconds(31_536_000), a);
    }

    private static Resource withCount(Resource cnt, long count) {
        ObjectNode a = cnt.attributes().deepCopy();
        a.put("st", count).put("cni", count).put("cbs", count * 22).put("lt", "20260301T100000," + count);
        Instant lt = T0.plusNanos(count * 1_000);
        return new Resource(cnt.ri(), cnt.pi(), cnt.type(), cnt.rn(), cnt.path(), cnt.createdAt(), lt,
                cnt.expiresAt(), a);
    }

    private static Resource contentInstance(Resource cnt, long i) {
        String rn = "cin_" + i;
        String ri = cnt.ri() + "-" + i;
        ObjectNode a = JSON.createObjectNode();
        Instant ct = T0.plusNanos(i * 1_000);
        a.put("rn", rn).put("ty", 4).put("ri", ri).put("pi", cnt.ri()).put("ct", ct.toString())
                .put("lt", ct.toString()).put("et", "20270301T100000,000000").put("st", i).put("cnf", "text/plain:0")
                .put("cs", 22).put("con", "{\"temp\":21.5,\"i\":" + i + "}");
        return new Resource(ri, cnt.ri(), ResourceType.CONTENT_INSTANCE, rn, cnt.path() + "/" + rn, ct, ct,
                T0.plusSeconds(31_536_000), a);
    }

    private static long directorySize(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
