package org.oneedge.cse.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.oneedge.cse.Cse;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.access.AccessControlExtension;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;

/**
 * A started in-memory CSE with access control and subscriptions installed and a {@link RecordingSender}, plus
 * one-line request helpers, for the tests of both features.
 */
public final class TestNode implements AutoCloseable {

    public static final String ADMIN = "CAdmin";

    public final InMemoryResourceStore store = new InMemoryResourceStore();
    public final RecordingSender sender = new RecordingSender();
    public final Cse cse;
    private final AtomicLong rqi = new AtomicLong();

    private TestNode(CseConfig config, Clock clock) {
        AccessControlExtension acl = new AccessControlExtension();
        cse = Cse.builder().config(config).clock(clock).store(store).remoteSender(sender)
                .extension(acl)
                .extension(new SubscriptionExtension(acl::checker,
                        new SubscriptionExtension.Settings(Duration.ofMillis(5), 1000, "3")))
                .build();
        cse.start();
    }

    /** Notification attempts time out after 2 s, 3 attempts per delivery. */
    public static TestNode start() {
        return start(Clock.systemUTC());
    }

    public static TestNode start(Clock clock) {
        return new TestNode(CseConfig.defaults().withNotificationTimeout(Duration.ofSeconds(2)), clock);
    }

    public Request.Builder request(Operation op, String to, String from) {
        return Request.builder().operation(op).to(to).from(from).releaseVersion("3")
                .requestId("rq" + rqi.incrementAndGet());
    }

    public Response create(String parent, String from, ResourceType type, String json) {
        return cse.send(request(Operation.CREATE, parent, from).resourceType(type).content(ContentCodec.parse(json))
                .build());
    }

    public Response retrieve(String to, String from) {
        return cse.send(request(Operation.RETRIEVE, to, from).build());
    }

    public Response update(String to, String from, String json) {
        return cse.send(request(Operation.UPDATE, to, from).content(ContentCodec.parse(json)).build());
    }

    public Response delete(String to, String from) {
        return cse.send(request(Operation.DELETE, to, from).build());
    }

    /** Registers AE {@code rn} for originator {@code aeId} with a point of access (or none when null). */
    public Response registerAe(String aeId, String rn, String poa) {
        String poaJson = poa == null ? "" : ",\"poa\":[\"" + poa + "\"]";
        return create("cse-in", aeId, ResourceType.AE,
                "{\"m2m:ae\":{\"rn\":\"" + rn + "\",\"api\":\"Nmy.app\",\"rr\":true,\"srv\":[\"3\"]" + poaJson + "}}");
    }

    /** The {@code ri} of a resource in a CREATE or RETRIEVE response. */
    public static String ri(Response response) {
        JsonNode content = response.content();
        return content.properties().iterator().next().getValue().get("ri").asText();
    }

    @Override
    public void close() {
        cse.close();
        sender.release();
    }
}
