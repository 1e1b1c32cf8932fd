package org.oneedge.cse.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.event.ResourceEvent;
import org.oneedge.cse.event.ResourceEventListener;
import org.oneedge.cse.resource.LocalResolver;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@code <node>}'s {@code hael} (hostedAELinks) in step with the {@code nl} (nodeLink) of AEs
 * (TS-0001 9.6.5/9.6.18): an AE created or updated with {@code nl} naming a local node is added to that node's
 * {@code hael}, removed from the node it no longer names, and removed when the AE is deleted. The change is an UPDATE
 * of the node sent through the CSE as the admin originator, so the node's subscribers hear of it. Changes are
 * serialized here; a concurrent UPDATE of {@code hael} by a request may still overwrite one.
 */
final class NodeLinkListener implements ResourceEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(NodeLinkListener.class);

    private final CseClient cse;
    private final LocalResolver resolver;
    private final CseConfig config;
    private final AtomicLong requests = new AtomicLong();

    NodeLinkListener(CseClient cse, LocalResolver resolver, CseConfig config) {
        this.cse = cse;
        this.resolver = resolver;
        this.config = config;
    }

    @Override
    public void onEvent(ResourceEvent event) {
        switch (event) {
            case ResourceEvent.Created c when c.resource().type() == ResourceType.AE ->
                    relink(aeId(c.resource()), null, nodeLink(c.resource()));
            case ResourceEvent.Updated u when u.after().type() == ResourceType.AE
                    && u.modifiedAttributes().contains("nl") ->
                    relink(aeId(u.after()), nodeLink(u.before()), nodeLink(u.after()));
            case ResourceEvent.Deleted d when d.resource().type() == ResourceType.AE ->
                    relink(aeId(d.resource()), nodeLink(d.resource()), null);
            default -> { }
        }
    }

    private synchronized void relink(String aeId, String oldLink, String newLink) {
        if (Objects.equals(oldLink, newLink)) {
            return;
        }
        if (oldLink != null) {
            node(oldLink).ifPresent(n -> changeHael(n, aeId, false));
        }
        if (newLink != null) {
            node(newLink).ifPresent(n -> changeHael(n, aeId, true));
        }
    }

    private Optional<Resource> node(String link) {
        return resolver.find(link).filter(r -> r.type() == ResourceType.NODE);
    }

    private void changeHael(Resource node, String aeId, boolean add) {
        Set<String> hael = new LinkedHashSet<>();
        node.attributes().path("hael").forEach(e -> hael.add(e.asText()));
        boolean changed = add ? hael.add(aeId) : hael.remove(aeId);
        if (!changed) {
            return;
        }
        ObjectNode content = ContentCodec.object();
        ArrayNode list = content.putObject("m2m:nod").putArray("hael");
        hael.forEach(list::add);
        Response r = cse.send(Request.builder().operation(Operation.UPDATE).to(node.ri())
                .from(config.adminOriginator()).releaseVersion(config.supportedReleaseVersions().getLast())
                .requestId("hael-" + requests.incrementAndGet()).content(content).build());
        if (r.isSuccess()) {
            LOG.debug("node {}: AE {} {} hael", node.path(), aeId, add ? "added to" : "removed from");
        } else {
            LOG.warn("node {}: could not update hael for AE {}: {} {}", node.path(), aeId, r.statusCode().code(),
                    r.debugMessage());
        }
    }

    private static String aeId(Resource ae) {
        return ae.attributes().path("aei").asText(ae.ri());
    }

    private static String nodeLink(Resource ae) {
        JsonNode nl = ae.attributes().get("nl");
        return nl == null || !nl.isTextual() || nl.asText().isBlank() ? null : nl.asText();
    }
}
