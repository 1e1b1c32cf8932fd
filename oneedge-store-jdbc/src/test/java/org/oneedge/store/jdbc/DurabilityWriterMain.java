package org.oneedge.store.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.Write;
import org.oneedge.model.ResourceType;

/**
 * The process {@link H2DurabilityIT} kills: opens {@code JdbcResourceStore.h2File(dir)} and, from several threads,
 * creates content instances (each with its container update, as the engine does) until killed, printing
 * {@code ack <ri>} on stdout after every {@code apply} that returned.
 *
 * <pre>java -cp ... org.oneedge.store.jdbc.DurabilityWriterMain dir threads</pre>
 */
public final class DurabilityWriterMain {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        PrintStream out = System.out;
        AtomicLong clock = new AtomicLong();
        JdbcResourceStore store = JdbcResourceStore.h2File(dir);
        Resource cb = new Resource("id-in", "", ResourceType.CSE_BASE, "cse-in", "cse-in", T0, T0, null,
                JSON.createObjectNode().put("csi", "/id-in"));
        store.apply(new Write.Create(cb));
        out.println("ready");
        out.flush();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String name = "cnt" + t;
            writers.add(Thread.ofPlatform().start(() -> {
                Resource cnt = resource(cb, "C" + name, ResourceType.CONTAINER, name, T0, 0);
                store.apply(new Write.Create(cnt));
                for (long i = 1; ; i++) {
                    Instant ct = T0.plusNanos(clock.incrementAndGet() * 1_000);
                    Resource cin = resource(cnt, cnt.ri() + "-" + i, ResourceType.CONTENT_INSTANCE, "cin" + i, ct, i);
                    Resource counted = resource(cb, cnt.ri(), ResourceType.CONTAINER, name, T0, i);
                    store.apply(List.of(new Write.Create(cin), new Write.Update(counted)));
                    synchronized (out) {
                        out.println("ack " + cin.ri());
                        out.flush();
                    }
                }
            }));
        }
        for (Thread writer : writers) {
            writer.join();
        }
    }

    private static Resource resource(Resource parent, String ri, ResourceType type, String rn, Instant ct, long n) {
        ObjectNode attributes = JSON.createObjectNode().put("ri", ri).put("rn", rn).put("n", n);
        return new Resource(ri, parent.ri(), type, rn, parent.path() + "/" + rn, ct, ct, null, attributes);
    }
}
