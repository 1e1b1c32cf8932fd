package org.oneedge.cse.remote;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.oneedge.model.CseClient;
import org.oneedge.model.RemoteSender;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/** {@code mem://name} points of access between CSEs (and AE notification sinks) in one test JVM. */
final class InProcessNetwork implements RemoteSender {

    private static final String SCHEME = "mem://";

    private final Map<String, CseClient> nodes = new ConcurrentHashMap<>();
    final List<Request> sinkRequests = new CopyOnWriteArrayList<>();

    String attach(String name, CseClient node) {
        nodes.put(name, node);
        return SCHEME + name;
    }

    void detach(String name) {
        nodes.remove(name);
    }

    /** A notification receiver of an AE: records what arrives and answers 2000. */
    String sink(String name) {
        return attach(name, request -> {
            sinkRequests.add(request);
            return Response.of(ResponseStatusCode.OK, null);
        });
    }

    @Override
    public boolean supports(String pointOfAccess) {
        return pointOfAccess.startsWith(SCHEME);
    }

    @Override
    public Response send(String pointOfAccess, Request request) {
        CseClient node = nodes.get(pointOfAccess.substring(SCHEME.length()));
        if (node == null) {
            return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, "nothing listens at " + pointOfAccess);
        }
        return node.send(request);
    }
}
