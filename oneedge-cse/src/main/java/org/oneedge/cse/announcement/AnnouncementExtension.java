package org.oneedge.cse.announcement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.CseExtension;
import org.oneedge.cse.container.ContainerHandler;
import org.oneedge.cse.container.ContentInstanceHandler;
import org.oneedge.cse.event.ResourceEvent;
import org.oneedge.cse.registration.AeHandler;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announcement of {@code <AE>}, {@code <container>} and {@code <contentInstance>} (TS-0001 9.6.26 and 10.2.13,
 * TS-0004 7.4.26, digest §8.2): a resource created with {@code at} (target CSE-IDs) gets a copy {@code …Annc} at
 * each target, with {@code lnk} = {@code /<host csi>/<ri>}, {@code lbl}, {@code et} and the attributes named in
 * {@code aa}; deleting the original deletes the copies. Requests go through the local CSE as this CSE (so the Mcc
 * forwarder routes them), asynchronously on one virtual thread per request.
 *
 * <pre>
 *  Created(at=[/id-in]) ─► CREATE cntA rn=&lt;ri&gt; at /id-in/&lt;host csi&gt;/&lt;ancestor ri&gt;…  (hybrid address)
 *  Deleted             ─► DELETE /id-in/&lt;host csi&gt;/&lt;ancestor ri&gt;…/&lt;ri&gt;
 * </pre>
 *
 * Placement (documented choice): copies live below the host's {@code <remoteCSE>} at the target (the Rel-2 rule),
 * named by the original's {@code ri}, so an announced child sits below its announced parent. A child whose parent
 * is not announced there fails at the target (4004) and is logged. {@code at} keeps the target CSE-IDs as given.
 */
public final class AnnouncementExtension implements CseExtension {

    private static final Logger LOG = LoggerFactory.getLogger(AnnouncementExtension.class);
    private static final Set<ResourceType> ANNOUNCEABLE = Set.of(ResourceType.AE, ResourceType.CONTAINER,
            ResourceType.CONTENT_INSTANCE);

    private final AtomicLong requestIds = new AtomicLong();
    private CseConfig config;
    private ResourceStore store;
    private CseClient cse;
    private volatile ExecutorService executor;

    @Override
    public void install(Installation installation) {
        config = installation.config();
        store = installation.store();
        cse = installation.cse();
        installation.handler(new AnnouncedResourceHandler(ResourceType.AE_ANNC, new AeHandler().schema(),
                Set.of(ResourceType.CONTAINER_ANNC)));
        installation.handler(new AnnouncedResourceHandler(ResourceType.CONTAINER_ANNC, new ContainerHandler().schema(),
                Set.of(ResourceType.CONTAINER_ANNC, ResourceType.CONTENT_INSTANCE_ANNC)));
        installation.handler(new AnnouncedResourceHandler(ResourceType.CONTENT_INSTANCE_ANNC,
                new ContentInstanceHandler().schema(), Set.of()));
        installation.listener(this::onEvent);
    }

    @Override
    public void start() {
        executor = Executors.newVirtualThreadPerTaskExecutor();
    }

    @Override
    public void stop() {
        ExecutorService e = executor;
        executor = null;
        if (e != null) {
            e.shutdown();
            try {
                e.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void onEvent(ResourceEvent event) {
        if (event instanceof ResourceEvent.Created created && ANNOUNCEABLE.contains(created.resource().type())) {
            List<String> targets = targets(created.resource());
            if (!targets.isEmpty()) {
                String parentPath = announcedPath(created.parent());
                run(() -> announce(created.resource(), parentPath, targets));
            }
        } else if (event instanceof ResourceEvent.Deleted deleted && ANNOUNCEABLE.contains(deleted.resource().type())) {
            List<String> targets = targets(deleted.resource());
            if (!targets.isEmpty()) {
                String path = announcedPath(deleted.parent()) + "/" + deleted.resource().ri();
                run(() -> targets.forEach(t -> send(Operation.DELETE, t + "/" + config.cseIdWithoutSlash() + path,
                        null, null)));
            }
        }
    }

    private void run(Runnable task) {
        ExecutorService e = executor;
        if (e == null) {
            LOG.warn("announcement work dropped: the CSE is not started");
            return;
        }
        e.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException ex) {
                LOG.warn("announcement work failed: {}", ex.toString(), ex);
            }
        });
    }

    private void announce(Resource original, String parentPath, List<String> targets) {
        ObjectNode copy = ContentCodec.object();
        copy.put("rn", original.ri());
        copy.put("lnk", config.cseId() + "/" + original.ri());
        copy.putNull("cr"); // the announcing CSE becomes the copy's creator, so it may add announced children below

        JsonNode attributes = original.attributes();
        for (String name : List.of("lbl", "et")) {
            if (attributes.has(name)) {
                copy.set(name, attributes.get(name));
            }
        }
        attributes.path("aa").forEach(name -> {
            if (attributes.has(name.asText())) {
                copy.set(name.asText(), attributes.get(name.asText()));
            }
        });
        ResourceType annc = original.type().announced().orElseThrow();
        ObjectNode content = ContentCodec.object();
        content.set(annc.rootKey(), copy);
        for (String target : targets) {
            Response r = send(Operation.CREATE, target + "/" + config.cseIdWithoutSlash() + parentPath, annc, content);
            if (r.statusCode().isSuccess()) {
                LOG.debug("announced {} to {}", original.ri(), target);
            } else {
                LOG.warn("announcing {} ({}) to {} failed: {} {}", original.path(), original.ri(), target,
                        r.statusCode(), r.content() == null ? "" : r.content().path("m2m:dbg").asText());
            }
        }
    }

    /** {@code /<ri>/<ri>…} of the resource and its ancestors below the CSEBase (empty for the CSEBase). */
    private String announcedPath(Resource resource) {
        Deque<String> ris = new ArrayDeque<>();
        Resource current = resource;
        for (int depth = 0; current != null && current.type() != ResourceType.CSE_BASE && depth < 64; depth++) {
            ris.addFirst(current.ri());
            current = current.pi().isEmpty() ? null : store.get(current.pi()).orElse(null);
        }
        return ris.isEmpty() ? "" : "/" + String.join("/", ris);
    }

    /** The SP-relative CSE-IDs in {@code at} (other entries are ignored). */
    private List<String> targets(Resource resource) {
        List<String> targets = new ArrayList<>();
        resource.attributes().path("at").forEach(t -> {
            String id = t.asText();
            if (id.startsWith("/") && id.indexOf('/', 1) < 0 && !id.equals(config.cseId())) {
                targets.add(id);
            }
        });
        return targets;
    }

    private Response send(Operation op, String to, ResourceType type, JsonNode content) {
        return cse.send(Request.builder().operation(op).to(to).from(config.cseId()).releaseVersion("3")
                .requestId("annc-" + requestIds.incrementAndGet()).resourceType(type).content(content).build());
    }
}
