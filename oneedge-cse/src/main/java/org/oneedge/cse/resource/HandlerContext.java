package org.oneedge.cse.resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.event.ResourceEvent;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.cse.store.Write;
import org.oneedge.model.Request;

/**
 * What a {@link ResourceHandler} sees while one operation is processed, and where it adds the extra writes and events
 * that must happen in the same atomic store batch (e.g. a container's {@code cni} when a content instance arrives).
 * Handlers run while the engine holds the write lock of the affected parent, so what they read is stable.
 */
public abstract sealed class HandlerContext permits CreateContext, UpdateContext, DeleteContext {

    private final Request request;
    private final Instant now;
    private final ResourceStore store;
    private final CseConfig config;
    private final List<Write> extraWrites = new ArrayList<>();
    private final List<ResourceEvent> extraEvents = new ArrayList<>();
    private String originator;

    HandlerContext(Request request, String originator, Instant now, ResourceStore store, CseConfig config) {
        this.request = request;
        this.originator = originator;
        this.now = now;
        this.store = store;
        this.config = config;
    }

    /** The request being processed; null for the CSE's own actions (expiry). */
    public Request request() {
        return request;
    }

    /** The originator: the request's {@code fr}, the assigned AE-ID during registration, or the CSE-ID. */
    public String originator() {
        return originator;
    }

    /** Replaces the originator, e.g. with the AE-ID assigned during registration. */
    public void originator(String value) {
        originator = value;
    }

    /** The instant of this operation; the {@code ct} or {@code lt} it writes. */
    public Instant now() {
        return now;
    }

    /** For reads only; writes go through {@link #write}. */
    public ResourceStore store() {
        return store;
    }

    public CseConfig config() {
        return config;
    }

    /** Adds a write to the operation's atomic batch, applied before the operation's own write. */
    public void write(Write write) {
        extraWrites.add(write);
    }

    /** Adds an event reported once the batch is stored, before the operation's own event. */
    public void event(ResourceEvent event) {
        extraEvents.add(event);
    }

    public List<Write> extraWrites() {
        return extraWrites;
    }

    public List<ResourceEvent> extraEvents() {
        return extraEvents;
    }
}
