package org.oneedge.cse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.oneedge.cse.discovery.FilterMatcher;
import org.oneedge.cse.event.ResourceEvent;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.FilterCriteria;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.oneedge.model.ResultContent;

/**
 * RETRIEVE (TS-0004 7.3.3.2/7.3.3.17): plain and partial retrieve, the result contents with children
 * (rcn 4, 5, 6, 8, honouring {@code lvl}, {@code ofst}, {@code lim}), conditional retrieval ({@code fu=2}) and
 * discovery ({@code fu=1}, TS-0001 10.2.6, digest §8.1). {@code la}/{@code ol} read the newest/oldest instance
 * through the store's indexed lookups, never by scanning the children.
 */
final class RetrieveOperation {

    /** A rendered result and, when {@code lim} cut it short, the {@code cnst}/{@code cnot} to report. */
    record Rendered(JsonNode content, Integer contentStatus, Integer contentOffset) {}

    private static final int PARTIAL_CONTENT = 1;

    private final Engine engine;

    RetrieveOperation(Engine engine) {
        this.engine = engine;
    }

    Response handle(Request request, Target target, ResultContent rcn, String attribute) {
        Resource resource = switch (target) {
            case Target.Stored s -> s.resource();
            case Target.Virtual v -> instance(v, request.to());
            case Target.Delegated d -> throw new IllegalStateException("handled by the engine");
        };
        Instant now = engine.clock.now();
        FilterCriteria fc = request.filterCriteria();
        engine.requireRetrievalEnabled(resource, target instanceof Target.Virtual v ? v.parent() : null, "RETRIEVE");
        if (fc.isDiscovery()) {
            return discover(request, resource, rcn, now);
        }
        // la/ol are judged on the container (AccessChecker's contract), which is at hand: an instance would make
        // the checker read its parent again
        if (rcn == ResultContent.ORIGINAL_RESOURCE) {
            return original(request, resource); // the original's host judges access (copies carry no ACPs of their own)
        }
        Resource judged = target instanceof Target.Virtual v ? v.parent() : resource;
        engine.requirePrivilege(request.from(), Operation.RETRIEVE.privilege(), judged, request, "RETRIEVE");
        if (rcn == ResultContent.ATTRIBUTES) {
            FilterMatcher matcher = FilterMatcher.of(fc);
            if (matcher.hasConditions() && !matcher.matches(resource)) {
                throw new OneM2MException(ResponseStatusCode.NOT_FOUND,
                        "target '" + request.to() + "' does not match the filter criteria");
            }
        }
        JsonNode content;
        Rendered rendered = null;
        List<String> attributes = attribute != null ? List.of(attribute) : request.attributeList();
        if (!attributes.isEmpty()) {
            content = partial(resource, attributes, now);
        } else {
            rendered = render(resource, request, rcn, now);
            content = rendered.content();
        }
        if (engine.events.hasListeners()) {
            engine.events.publish(new ResourceEvent.Retrieved(resource, request.from()));
        }
        Response response = Response.of(ResponseStatusCode.OK, content);
        return rendered == null || rendered.contentStatus() == null ? response
                : response.withContentStatus(rendered.contentStatus(), rendered.contentOffset());
    }

    /**
     * {@code rcn=7} original-resource (digest §2.5, §8.2): the original of an announced resource, retrieved through its
     * {@code lnk} with the requester as originator, so the original host's access control decides (announced copies
     * carry no policies of their own); the original host's answer is the answer. Not announced → 4000.
     */
    private Response original(Request request, Resource resource) {
        JsonNode lnk = resource.attributes().get("lnk");
        if (!resource.type().isAnnounced() || lnk == null || !lnk.isTextual() || lnk.asText().isBlank()) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "rcn=7 (original-resource) is only valid on"
                    + " an announced resource; '" + request.to() + "' is a " + resource.type().shortName());
        }
        Request toOriginal = request.toBuilder().to(lnk.asText()).resultContent(null).build();
        return engine.process(toOriginal);
    }

    /** The newest or oldest instance a virtual target names; 4004 when there is none. */
    Resource instance(Target.Virtual target, String to) {
        String parentRi = target.parent().ri();
        Optional<Resource> found = target.name().equals(Target.Virtual.LATEST)
                ? engine.store.latestChild(parentRi, target.instanceType())
                : engine.store.oldestChild(parentRi, target.instanceType());
        return TargetResolver.live(found, engine.clock.now()).orElseThrow(() -> new OneM2MException(
                ResponseStatusCode.NOT_FOUND, "target '" + to + "' does not exist: '" + target.parent().path()
                        + "' holds no " + target.instanceType().shortName()));
    }

    /** The content for {@code rcn} 1, 4, 5, 6 or 8 (also used by DELETE before the resource goes). */
    Rendered render(Resource resource, Request request, ResultContent rcn, Instant now) {
        if (rcn == ResultContent.ATTRIBUTES) {
            return new Rendered(engine.wrap(resource, now), null, null);
        }
        FilterCriteria fc = request.filterCriteria();
        int level = fc.level() == null ? 0 : fc.level();
        FilterMatcher matcher = FilterMatcher.of(fc);
        List<Resource> all = engine.store.descendants(resource.path(), level, Set.of());
        int skip = fc.offset() == null ? 0 : fc.offset() - 1;
        int limit = fc.limit() == null ? Integer.MAX_VALUE : fc.limit();
        List<Resource> selected = new ArrayList<>();
        boolean cut = false;
        for (Resource r : all) {
            if (!FilterMatcher.live(r, now) || !matcher.matches(r)
                    || !engine.permits(request.from(), Operation.RETRIEVE.privilege(), r, request)) {
                continue;
            }
            if (skip > 0) {
                skip--;
                continue;
            }
            if (selected.size() >= limit) {
                cut = true;
                break;
            }
            selected.add(r);
        }
        String rootKey = engine.handlers.rootKey(resource);
        JsonNode content = switch (rcn) {
            case ATTRIBUTES_AND_CHILD_RESOURCES -> wrap(rootKey, nest(copy(engine.represent(resource, now)),
                    resource, selected, now));
            case CHILD_RESOURCES -> wrap(rootKey, nest(ContentCodec.object(), resource, selected, now));
            case ATTRIBUTES_AND_CHILD_RESOURCE_REFERENCES -> {
                ObjectNode attributes = copy(engine.represent(resource, now));
                attributes.set("ch", references(selected, request.desiredIdentifierResultType()));
                yield wrap(rootKey, attributes);
            }
            case CHILD_RESOURCE_REFERENCES -> referenceList(selected, request.desiredIdentifierResultType());
            default -> throw new IllegalStateException("rcn " + rcn + " is not rendered here");
        };
        int offset = (fc.offset() == null ? 1 : fc.offset()) + selected.size();
        return cut ? new Rendered(content, PARTIAL_CONTENT, offset) : new Rendered(content, null, null);
    }

    private Response discover(Request request, Resource root, ResultContent rcn, Instant now) {
        FilterCriteria fc = request.filterCriteria();
        FilterMatcher matcher = FilterMatcher.of(fc);
        boolean or = fc.filterOperation() != null && fc.filterOperation() == 2;
        Set<ResourceType> types = or ? Set.of() : fc.resourceTypes().stream()
                .map(ResourceType::of).flatMap(Optional::stream).collect(Collectors.toSet());
        if (!or && !fc.resourceTypes().isEmpty() && types.isEmpty()) {
            return Response.of(ResponseStatusCode.OK, discoveryResult(List.of(), request, rcn));
        }
        int level = fc.level() == null ? 0 : fc.level();
        int skip = fc.offset() == null ? 0 : fc.offset() - 1;
        int limit = fc.limit() == null ? Integer.MAX_VALUE : fc.limit();
        List<Resource> found = new ArrayList<>();
        for (Resource r : engine.store.descendants(root.path(), level, types)) {
            if (found.size() >= limit) {
                break;
            }
            if (!FilterMatcher.live(r, now) || !matcher.matches(r)
                    || !engine.permits(request.from(), Operation.DISCOVERY_PRIVILEGE, r, request)) {
                continue;
            }
            if (skip > 0) {
                skip--;
                continue;
            }
            found.add(r);
        }
        return Response.of(ResponseStatusCode.OK, discoveryResult(found, request, rcn));
    }

    private JsonNode discoveryResult(List<Resource> found, Request request, ResultContent rcn) {
        Integer drt = request.desiredIdentifierResultType();
        if (rcn == ResultContent.CHILD_RESOURCE_REFERENCES) {
            return referenceList(found, drt);
        }
        ObjectNode out = ContentCodec.object();
        ArrayNode uris = out.putArray("m2m:uril");
        for (Resource r : found) {
            uris.add(engine.address(r, drt));
        }
        return out;
    }

    private ObjectNode nest(ObjectNode top, Resource root, List<Resource> selected, Instant now) {
        Map<String, ObjectNode> nodes = new HashMap<>();
        nodes.put(root.ri(), top);
        for (Resource r : selected) {
            ObjectNode parent = nodes.get(r.pi());
            if (parent == null) {
                continue;
            }
            ObjectNode node = copy(engine.represent(r, now));
            parent.withArrayProperty(engine.handlers.rootKey(r)).add(node);
            nodes.put(r.ri(), node);
        }
        return top;
    }

    private ArrayNode references(List<Resource> resources, Integer drt) {
        ArrayNode list = ContentCodec.mapper().createArrayNode();
        for (Resource r : resources) {
            ObjectNode ref = list.addObject();
            ref.put("nm", r.rn());
            ref.put("typ", r.type().ty());
            ref.put("val", engine.address(r, drt));
        }
        return list;
    }

    private ObjectNode referenceList(List<Resource> resources, Integer drt) {
        ObjectNode out = ContentCodec.object();
        out.putObject("m2m:rrl").set("rrf", references(resources, drt));
        return out;
    }

    private ObjectNode partial(Resource resource, List<String> names, Instant now) {
        ObjectNode all = engine.represent(resource, now);
        ObjectNode some = ContentCodec.object();
        for (String name : names) {
            JsonNode value = all.get(name);
            if (value != null) {
                some.set(name, value);
            }
        }
        return wrap(engine.handlers.rootKey(resource), some);
    }

    private static ObjectNode wrap(String rootKey, JsonNode value) {
        ObjectNode out = ContentCodec.object();
        out.set(rootKey, value);
        return out;
    }

    private static ObjectNode copy(ObjectNode source) {
        ObjectNode copy = ContentCodec.object();
        copy.setAll(source);
        return copy;
    }
}
