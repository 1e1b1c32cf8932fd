package org.oneedge.app.requests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.oneedge.handover.onem2m.CseRequests;
import org.oneedge.model.FilterCriteria;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets an operator ask a background service of the run (a handover, a federation ranking) with plain oneM2M: a
 * request flexContainer labelled open is created under one parent at a CSE; this poller finds the open ones by
 * discovery every poll period (on a virtual thread), hands each to the service, and writes the service's answer into
 * the same resource with the done label, so a curl user reads the answer where they put the question.
 */
public final class OpenRequestPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpenRequestPoller.class);

    private final String name;
    private final CseRequests at;
    private final String parentPath;
    private final String rootKey;
    private final String openLabel;
    private final String doneLabel;
    private final Duration poll;
    private final BiFunction<String, JsonNode, ObjectNode> service;
    private volatile Thread loop;

    /**
     * @param name       what the requests ask for, for thread names and log lines (e.g. "handover requests")
     * @param at         requests to the CSE holding the request resources, as their owner's originator
     * @param parentPath structured path the request resources are created under
     * @param rootKey    the request resources' root key, e.g. {@code oe:hoReq}
     * @param service    answers one request (its path, its attributes): the attributes to write back; it logs its
     *                   own outcome
     */
    public OpenRequestPoller(String name, CseRequests at, String parentPath, String rootKey, String openLabel,
                             String doneLabel, Duration poll, BiFunction<String, JsonNode, ObjectNode> service) {
        this.name = name;
        this.at = at;
        this.parentPath = parentPath;
        this.rootKey = rootKey;
        this.openLabel = openLabel;
        this.doneLabel = doneLabel;
        this.poll = poll;
        this.service = service;
    }

    /** Starts polling for open requests on a virtual thread. */
    public synchronized void start() {
        if (loop == null) {
            loop = Thread.ofVirtual().name(name.replace(' ', '-')).start(this::run);
        }
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                pollOnce();
            } catch (RuntimeException e) {
                LOG.warn("{}: poll failed: {}", name, e.toString());
            }
            try {
                Thread.sleep(poll);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Answers every open request found now; returns how many were answered. */
    public int pollOnce() {
        FilterCriteria open = new FilterCriteria(1, null, List.of(ResourceType.FLEX_CONTAINER.ty()),
                List.of(openLabel), List.of(), null, null, null, null, null, null, null, null, null, null,
                List.of(), null, null, 1, null, Map.of());
        Response found = at.client().send(Request.builder().operation(Operation.RETRIEVE).to(parentPath)
                .from(at.originator()).releaseVersion("3").requestId("req-" + System.nanoTime())
                .filterCriteria(open).build());
        if (found.statusCode() != ResponseStatusCode.OK) {
            LOG.warn("{}: discovery answered {} {}", name, found.statusCode(), found.debugMessage());
            return 0;
        }
        int answered = 0;
        for (JsonNode uri : found.content().path("m2m:uril")) {
            String path = uri.asText();
            Response r = at.retrieve(path);
            JsonNode request = r.content() == null ? null : r.content().path(rootKey);
            if (r.statusCode() == ResponseStatusCode.OK && request != null && request.isObject()) {
                write(path, service.apply(path, request));
                answered++;
            }
        }
        return answered;
    }

    private void write(String path, ObjectNode answer) {
        answer.putArray("lbl").add(doneLabel);
        ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
        wrapped.set(rootKey, answer);
        Response r = at.update(path, wrapped);
        if (r.statusCode() != ResponseStatusCode.UPDATED) {
            LOG.warn("{}: {} not answered: {} {}", name, path, r.statusCode(), r.debugMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (loop != null) {
            loop.interrupt();
            loop = null;
        }
    }
}
