package org.oneedge.cse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;

/** A started in-memory CSE plus one-line request helpers for the engine tests. */
final class TestCse implements AutoCloseable {

    static final String ADMIN = "CAdmin";

    final InMemoryResourceStore store;
    final Cse cse;
    private final AtomicLong rqi = new AtomicLong();

    TestCse(InMemoryResourceStore store, Cse cse) {
        this.store = store;
        this.cse = cse;
    }

    static TestCse start() {
        return start(b -> b);
    }

    static TestCse start(UnaryOperator<Cse.Builder> customise) {
        InMemoryResourceStore store = new InMemoryResourceStore();
        Cse cse = customise.apply(Cse.builder().store(store)).build();
        cse.start();
        return new TestCse(store, cse);
    }

    Request.Builder request(Operation op, String to, String from) {
        return Request.builder().operation(op).to(to).from(from).releaseVersion("3")
                .requestId("rq" + rqi.incrementAndGet());
    }

    Response send(Request.Builder request) {
        return cse.send(request.build());
    }

    Response create(String parent, ResourceType type, String json) {
        return create(parent, ADMIN, type, json);
    }

    Response create(String parent, String from, ResourceType type, String json) {
        return send(request(Operation.CREATE, parent, from).resourceType(type).content(ContentCodec.parse(json)));
    }

    Response retrieve(String to) {
        return send(request(Operation.RETRIEVE, to, ADMIN));
    }

    Response update(String to, String json) {
        return send(request(Operation.UPDATE, to, ADMIN).content(ContentCodec.parse(json)));
    }

    Response delete(String to) {
        return send(request(Operation.DELETE, to, ADMIN));
    }

    /** Registers an AE named {@code rn} with originator {@code from}; returns the response. */
    Response registerAe(String from, String rn) {
        return create("cse-in", from, ResourceType.AE,
                "{\"m2m:ae\":{\"rn\":\"" + rn + "\",\"api\":\"Nmy.app\",\"rr\":true,\"srv\":[\"3\"]}}");
    }

    static JsonNode json(String text) {
        return ContentCodec.parse(text);
    }

    @Override
    public void close() {
        cse.close();
    }
}
