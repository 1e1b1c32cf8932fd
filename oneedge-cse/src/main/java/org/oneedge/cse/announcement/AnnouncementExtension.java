package org.oneedge.cse.announcement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.CseExtension;
import org.oneedge.cse.access.AccessControlPolicyHandler;
import org.oneedge.cse.container.ContainerHandler;
import org.oneedge.cse.container.ContentInstanceHandler;
import org.oneedge.cse.event.ResourceEvent;
import org.oneedge.cse.flex.FlexContainerDefinition;
import org.oneedge.cse.flex.FlexContainerDefinitions;
import org.oneedge.cse.group.GroupHandler;
import org.oneedge.cse.node.MgmtObjSpecialization;
import org.oneedge.cse.node.NodeHandler;
import org.oneedge.cse.registration.AeHandler;
import org.oneedge.cse.remote.MccOutbox;
import org.oneedge.cse.resource.LocalResolver;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.cse.store.Write;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announcement of {@code <AE>}, {@code <container>}, {@code <contentInstance>}, {@code <flexContainer>},
 * {@code <group>}, {@code <node>} and {@code <mgmtObj>} (TS-0001 9.6.26 and 10.2.13, TS-0004 7.4.26, digest §8.2):
 * a resource with {@code at} (target CSE-IDs) gets a copy {@code …Annc} (ty 10000+ty) at each target, with
 * {@code lnk} = {@code /<host csi>/<ri>}, {@code et}, {@code lbl}, the mandatory-announced attributes of its type and
 * the attributes named in {@code aa}. After success {@code at} holds the copy's address ({@code /id-in/<copy ri>}).
 *
 * <pre>
 *  Created(at=[/id-in])      ─► outbox: CREATE …Annc below the parent's copy, or below /id-in/&lt;own csi&gt;
 *                                (this CSE's &lt;remoteCSE&gt; there) when the parent is not announced to /id-in
 *  Updated(lbl, aa names, MA)─► outbox: UPDATE the copies (null removes; aa change adds / removes attributes)
 *  Updated(at)               ─► outbox: CREATE at new targets, DELETE at removed ones
 *  Deleted                   ─► outbox: DELETE every copy (also of announced descendants)
 * </pre>
 *
 * Everything goes through the {@link MccOutbox} (persisted in this CSE's store, in order), so copies are made once
 * the registrar is reachable again (link loss) and after a restart. A target that refuses a copy (e.g. an unknown
 * CSE-ID) is logged and dropped from {@code at}. {@code at} naming a CSE this CSE has no route to, or itself, is
 * refused at once (4000, {@link AnnounceToCheck}). Access control policies travel along (digest §5.2 "Announced
 * resources"): before a resource is announced to a target, the ACPs of its {@code acpi} (or of its parent's, when it
 * has none) are announced there too, and the copy's {@code acpi} names their copies; a changed {@code acpi} or
 * {@code pv}/{@code pvs} is pushed like any announced attribute. {@code rcn=7} (handled by the engine's RETRIEVE)
 * reads the original under the original's policies.
 */
public final class AnnouncementExtension implements CseExtension {

    private static final Logger LOG = LoggerFactory.getLogger(AnnouncementExtension.class);

    /** The types announced, with their mandatory-announced (MA) attributes besides {@code lbl} and {@code et}. */
    static final Map<ResourceType, Set<String>> ANNOUNCEABLE = Map.of(
            ResourceType.ACCESS_CONTROL_POLICY, Set.of("pv", "pvs"),
            ResourceType.AE, Set.of(),
            ResourceType.CONTAINER, Set.of(),
            ResourceType.CONTENT_INSTANCE, Set.of(),
            ResourceType.FLEX_CONTAINER, Set.of("cnd"),
            ResourceType.GROUP, Set.of("mt", "mnm", "mid", "cnm", "macp", "mtv", "csy", "gn"),
            ResourceType.NODE, Set.of("ni"),
            ResourceType.MGMT_OBJ, Set.of("mgd"));
    private static final Set<String> ALWAYS = Set.of("lbl", "et", "ast");
    private static final Set<String> NEVER = Set.of("ty", "ri", "pi", "ct", "lt", "rn", "at", "aa", "cr", "acpi",
            "st", "lnk");

    private final MccOutbox.Settings settings;
    private final FlexContainerDefinitions flexDefinitions;
    private final AtomicLong requestIds = new AtomicLong();
    private final Map<String, String> copies = new ConcurrentHashMap<>(); // "<ri>|<target>" -> copy address
    private CseConfig config;
    private ResourceStore store;
    private CseClient cse;
    private CseExtension.Installation installation;
    private MccOutbox outbox;
    private volatile BooleanSupplier linkUp = () -> true;

    public AnnouncementExtension() {
        this(MccOutbox.Settings.defaults(), FlexContainerDefinitions.builtIn());
    }

    /**
     * @param settings        the outbox (capacity, retry pauses)
     * @param flexDefinitions the flexContainer specializations whose copies this CSE accepts
     */
    public AnnouncementExtension(MccOutbox.Settings settings, FlexContainerDefinitions flexDefinitions) {
        this.settings = settings;
        this.flexDefinitions = flexDefinitions;
    }

    @Override
    public void install(Installation installation) {
        this.installation = installation;
        config = installation.config();
        store = installation.store();
        cse = installation.cse();
        Set<ResourceType> underAe = Set.of(ResourceType.CONTAINER_ANNC, ResourceType.FLEX_CONTAINER_ANNC,
                ResourceType.GROUP_ANNC, ResourceType.ACCESS_CONTROL_POLICY_ANNC);
        installation.handler(new AnnouncedResourceHandler(ResourceType.ACCESS_CONTROL_POLICY_ANNC,
                new AccessControlPolicyHandler().schema(), Set.of()));
        installation.handler(new AnnouncedResourceHandler(ResourceType.AE_ANNC, new AeHandler().schema(), underAe));
        installation.handler(new AnnouncedResourceHandler(ResourceType.CONTAINER_ANNC, new ContainerHandler().schema(),
                Set.of(ResourceType.CONTAINER_ANNC, ResourceType.CONTENT_INSTANCE_ANNC,
                        ResourceType.FLEX_CONTAINER_ANNC)));
        installation.handler(new AnnouncedResourceHandler(ResourceType.CONTENT_INSTANCE_ANNC,
                new ContentInstanceHandler().schema(), Set.of()));
        installation.handler(new AnnouncedResourceHandler(ResourceType.GROUP_ANNC, GroupHandler.attributes(),
                Set.of()));
        installation.handler(new AnnouncedResourceHandler(ResourceType.NODE_ANNC, new NodeHandler().schema(),
                Set.of(ResourceType.MGMT_OBJ_ANNC)));
        installation.handler(new AnnouncedResourceHandler(ResourceType.MGMT_OBJ_ANNC,
                MgmtObjSpecialization.all().getFirst().schema(), Set.of(),
                key -> MgmtObjSpecialization.byRootKey(key).map(MgmtObjSpecialization::schema),
                r -> MgmtObjSpecialization.byMgd(r.attributes().path("mgd").asInt())
                        .map(MgmtObjSpecialization::rootKey)));
        installation.handler(new AnnouncedResourceHandler(ResourceType.FLEX_CONTAINER_ANNC,
                new FlexContainerDefinition("flexContainer", "m2m:fcnt", List.of()).schema(),
                Set.of(ResourceType.CONTAINER_ANNC, ResourceType.FLEX_CONTAINER_ANNC),
                key -> flexDefinitions.byRootKey(key).map(FlexContainerDefinition::schema),
                r -> flexDefinitions.byCnd(r.attributes().path("cnd").asText())
                        .map(FlexContainerDefinition::rootKey)));
        installation.listener(this::onEvent);
        installation.interceptor(new AnnounceToCheck(config, store, ANNOUNCEABLE.keySet())::check);
        LocalResolver resolver = new LocalResolver(store, config);
        installation.interceptor(request -> pushBack(request, resolver));
        outbox = new MccOutbox("announcement", config, store, installation.clock(), settings, this::process);
    }

    /**
     * Announcements wait while this says the link to the registrar is down (e.g. the registrar is not registered);
     * default: always up.
     */
    public void linkUp(BooleanSupplier value) {
        linkUp = value;
        wake();
    }

    /** Tries the pending announcements now (e.g. the registrar has just registered again). */
    public void wake() {
        if (outbox != null) {
            outbox.wake();
        }
    }

    /**
     * Announces again to {@code target} everything this CSE had announced there (parents first), e.g. after the
     * target lost its data and this CSE had to register anew; {@code at} entries go back to the CSE-ID until the
     * new copies exist.
     *
     * @return how many resources are announced again
     */
    public int reannounce(String target) {
        Resource cseBase = store.get(config.cseIdWithoutSlash()).orElse(null);
        if (cseBase == null) {
            return 0;
        }
        int count = 0;
        List<Resource> all = new ArrayList<>(store.descendants(cseBase.path(), 0, ANNOUNCEABLE.keySet()));
        all.sort(java.util.Comparator.comparing(r -> r.type() != ResourceType.ACCESS_CONTROL_POLICY)); // policies first
        for (Resource r : all) {
            Map<String, String> targets = targets(r);
            if (!targets.containsKey(target)) {
                continue;
            }
            if (targets.get(target) != null) {
                rewriteAt(r.ri(), current -> {
                    Map<String, String> t = new LinkedHashMap<>(targets(current));
                    t.replace(target, null);
                    return t;
                });
            }
            copies.remove(r.ri() + "|" + target);
            queue("create", r.ri(), target, null, null);
            count++;
        }
        if (count > 0) {
            LOG.info("CSE {} announces {} resources to {} again", config.cseId(), count, target);
        }
        return count;
    }

    /** Announcement requests not yet sent (waiting for the link). */
    public int pending() {
        return outbox == null ? 0 : outbox.size();
    }

    @Override
    public void start() {
        outbox.start();
    }

    @Override
    public void stop() {
        outbox.close();
    }

    // ---- bi-directional copies (ast=2) ----

    /**
     * An UPDATE of a copy with {@code ast}=2 (bi-directional, digest §1.4 and §8.2 [R4]) by anyone but the announcing
     * CSE goes to the original ({@code lnk}) as the originator's own request, so the original's host judges it by the
     * original's policies; its answer is the answer, and the changed attributes come back to the copy with the
     * ordinary synchronization. Without {@code ast}=2 (uni-directional) only the announcing CSE (and this CSE's
     * administrator) may UPDATE the copy (digest §5.2: only the original host changes announced attributes); anyone
     * else gets 4005 naming the original. Null: not such a request, the engine goes on.
     */
    private Response pushBack(Request request, LocalResolver resolver) {
        if (request.operation() != Operation.UPDATE || request.content() == null || !request.content().isObject()
                || request.content().size() != 1) {
            return null;
        }
        Optional<Resource> copy;
        try {
            copy = resolver.find(request.to());
        } catch (RuntimeException e) {
            return null; // the engine answers the bad address
        }
        if (copy.isEmpty() || !copy.get().type().isAnnounced()) {
            return null;
        }
        String lnk = copy.get().attributes().path("lnk").asText("");
        String host = AnnounceToCheck.cseIdOf(lnk);
        if (host == null || host.equals(request.from()) || config.adminOriginator().equals(request.from())) {
            return null; // the announcing CSE keeping its copy in step, or this CSE's administrator
        }
        if (copy.get().attributes().path("ast").asInt(1) != 2) {
            throw new OneM2MException(ResponseStatusCode.OPERATION_NOT_ALLOWED, "'" + request.to() + "' is an "
                    + "announced copy synchronized from its original only (ast=1): only " + host + " changes it;"
                    + " update the original " + lnk + " instead");
        }
        String rootKey = request.content().fieldNames().next();
        if (!rootKey.endsWith("A")) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "the content of an UPDATE of the announced"
                    + " resource '" + request.to() + "' must be under its announced key (e.g. m2m:cntA), not " + rootKey);
        }
        ObjectNode content = ContentCodec.object();
        content.set(rootKey.substring(0, rootKey.length() - 1), request.content().get(rootKey));
        LOG.debug("UPDATE of the bi-directional copy {} by {} pushed back to the original {}", copy.get().ri(),
                request.from(), lnk);
        return cse.send(request.toBuilder().to(lnk).content(content).build());
    }

    // ---- events -> outbox items ----

    private void onEvent(ResourceEvent event) {
        switch (event) {
            case ResourceEvent.Created c when announceable(c.resource()) -> {
                for (String target : targets(c.resource()).keySet()) {
                    announcePolicies(c.resource(), target);
                    queue("create", c.resource().ri(), target, null, null);
                }
            }
            case ResourceEvent.Updated u when announceable(u.after()) -> updated(u);
            case ResourceEvent.Deleted d -> {
                List<Resource> gone = new ArrayList<>();
                gone.add(d.resource());
                gone.addAll(d.removedDescendants());
                for (Resource r : gone) {
                    if (announceable(r)) {
                        targets(r).forEach((target, address) -> queue("delete", r.ri(), target, address, null));
                    }
                }
            }
            default -> {
            }
        }
    }

    private void updated(ResourceEvent.Updated u) {
        Map<String, String> before = targets(u.before());
        Map<String, String> after = targets(u.after());
        String ri = u.after().ri();
        Set<String> aaBefore = names(u.before().attributes().get("aa"));
        Set<String> aaAfter = names(u.after().attributes().get("aa"));
        Set<String> attrs = new LinkedHashSet<>();
        for (String name : u.modifiedAttributes()) {
            if (synced(u.after(), name) || aaBefore.contains(name)) {
                attrs.add(name);
            }
        }
        Set<String> unannounced = new LinkedHashSet<>();
        if (u.modifiedAttributes().contains("aa")) {
            aaAfter.stream().filter(n -> !aaBefore.contains(n)).forEach(attrs::add);
            aaBefore.stream().filter(n -> !aaAfter.contains(n) && !synced(u.after(), n)).forEach(unannounced::add);
            attrs.addAll(unannounced);
        }
        attrs.removeIf(NEVER::contains);
        if (u.modifiedAttributes().contains("acpi")) {
            attrs.add("acpi"); // rewritten per target to the addresses of the policies' copies there
        }
        for (Map.Entry<String, String> t : before.entrySet()) {
            if (!after.containsKey(t.getKey())) {
                queue("delete", ri, t.getKey(), t.getValue(), null);
            } else if (!attrs.isEmpty()) {
                if (attrs.contains("acpi")) {
                    announcePolicies(u.after(), t.getKey());
                }
                queue("update", ri, t.getKey(), t.getValue(), attrs, unannounced);
            }
        }
        boolean restore = false;
        for (Map.Entry<String, String> t : after.entrySet()) {
            if (!before.containsKey(t.getKey())) {
                announcePolicies(u.after(), t.getKey());
                queue("create", ri, t.getKey(), null, null);
            } else if (t.getValue() == null && before.get(t.getKey()) != null) {
                restore = true; // the request named a target already announced to: keep the copy's address
            }
        }
        if (restore) {
            rewriteAt(ri, current -> {
                Map<String, String> merged = new LinkedHashMap<>(targets(current));
                before.forEach((target, address) -> {
                    if (merged.containsKey(target) && merged.get(target) == null) {
                        merged.put(target, address);
                    }
                });
                return merged;
            });
        }
    }

    /** True when an update of the attribute is pushed to the copies: lbl, et, the type's MA ones and those in aa. */
    private static boolean synced(Resource r, String name) {
        return ALWAYS.contains(name) || ANNOUNCEABLE.getOrDefault(r.type(), Set.of()).contains(name)
                || names(r.attributes().get("aa")).contains(name);
    }

    private void queue(String kind, String ri, String target, String address, Set<String> attrs) {
        queue(kind, ri, target, address, attrs, Set.of());
    }

    /** @param removed attributes no longer announced: the copy gets null for them (removes them) */
    private void queue(String kind, String ri, String target, String address, Set<String> attrs,
                       Set<String> removed) {
        ObjectNode item = ContentCodec.object();
        item.put("kind", kind);
        item.put("op", switch (kind) {
            case "create" -> Operation.CREATE.code();
            case "update" -> Operation.UPDATE.code();
            default -> Operation.DELETE.code();
        });
        item.put("ri", ri);
        item.put("target", target);
        item.put("to", address != null ? address : target);
        if (address != null) {
            item.put("address", address);
        }
        if (attrs != null) {
            ArrayNode list = item.putArray("attrs");
            attrs.forEach(list::add);
        }
        if (!removed.isEmpty()) {
            ArrayNode list = item.putArray("removed");
            removed.forEach(list::add);
        }
        outbox.add(item);
    }

    // ---- outbox items -> requests ----

    private MccOutbox.Result process(JsonNode item) {
        if (!linkUp.getAsBoolean()) {
            return MccOutbox.Result.RETRY;
        }
        String ri = item.path("ri").asText();
        String target = item.path("target").asText();
        return switch (item.path("kind").asText()) {
            case "create" -> create(ri, target);
            case "update" -> update(ri, target, item);
            case "delete" -> delete(ri, target, item);
            default -> MccOutbox.Result.DONE;
        };
    }

    private MccOutbox.Result create(String ri, String target) {
        Optional<Resource> found = store.get(ri);
        if (found.isEmpty() || !targets(found.get()).containsKey(target)) {
            return MccOutbox.Result.DONE; // deleted or no longer announced to the target meanwhile
        }
        Resource original = found.get();
        if (targets(original).get(target) != null) {
            return MccOutbox.Result.DONE; // already announced (item sent again after a restart)
        }
        String parent = placement(original, target);
        String rootKey = installation.rootKey(original) + "A";
        ObjectNode content = ContentCodec.object();
        content.set(rootKey, copy(original, target));
        ResourceType annc = original.type().announced().orElseThrow();
        Response r = send(Operation.CREATE, parent, annc, content);
        if (unreachable(r)) {
            return MccOutbox.Result.RETRY;
        }
        String copyRi = null;
        if (r.statusCode().isSuccess()) {
            copyRi = r.content() == null ? null : r.content().path(rootKey).path("ri").asText(null);
        } else if (r.statusCode() == ResponseStatusCode.CONFLICT) { // made before a restart; find it
            Response existing = send(Operation.RETRIEVE, parent + "/" + original.ri(), null, null);
            if (existing.statusCode() == ResponseStatusCode.OK && existing.content() != null
                    && existing.content().path(rootKey).path("lnk").asText().equals(link(original))) {
                copyRi = existing.content().path(rootKey).path("ri").asText(null);
            }
        }
        if (copyRi == null) {
            LOG.warn("announcing {} ({}) to {} failed: {} {}; removed from 'at'", original.path(), ri, target,
                    r.statusCode(), debug(r));
            rewriteAt(ri, current -> {
                Map<String, String> t = new LinkedHashMap<>(targets(current));
                t.remove(target);
                return t;
            });
            return MccOutbox.Result.DONE;
        }
        String address = target + "/" + copyRi;
        copies.put(ri + "|" + target, address);
        rewriteAt(ri, current -> {
            Map<String, String> t = new LinkedHashMap<>(targets(current));
            if (t.containsKey(target)) {
                t.put(target, address);
            }
            return t;
        });
        LOG.debug("announced {} ({}) to {} as {}", original.path(), ri, target, address);
        return MccOutbox.Result.DONE;
    }

    private MccOutbox.Result update(String ri, String target, JsonNode item) {
        Optional<Resource> original = store.get(ri);
        String address = address(ri, target, item, original.orElse(null));
        if (original.isEmpty() || address == null) {
            return MccOutbox.Result.DONE;
        }
        ObjectNode attributes = ContentCodec.object();
        Set<String> removed = names(item.get("removed"));
        item.path("attrs").forEach(n -> {
            JsonNode value = removed.contains(n.asText()) ? null : "acpi".equals(n.asText())
                    ? announcedPolicyIds(original.get(), target)
                    : scoped(n.asText(), original.get().attributes().get(n.asText()));
            attributes.set(n.asText(), value == null ? ContentCodec.nodes().nullNode() : value);
        });
        ObjectNode content = ContentCodec.object();
        content.set(installation.rootKey(original.get()) + "A", attributes);
        Response r = send(Operation.UPDATE, address, null, content);
        if (unreachable(r)) {
            return MccOutbox.Result.RETRY;
        }
        if (!r.statusCode().isSuccess()) {
            LOG.warn("updating the copy {} of {} failed: {} {}", address, ri, r.statusCode(), debug(r));
        }
        return MccOutbox.Result.DONE;
    }

    private MccOutbox.Result delete(String ri, String target, JsonNode item) {
        String address = address(ri, target, item, store.get(ri).orElse(null));
        if (address == null) {
            return MccOutbox.Result.DONE; // never announced there
        }
        Response r = send(Operation.DELETE, address, null, null);
        if (unreachable(r)) {
            return MccOutbox.Result.RETRY;
        }
        copies.remove(ri + "|" + target);
        if (!r.statusCode().isSuccess() && r.statusCode() != ResponseStatusCode.NOT_FOUND) {
            LOG.warn("deleting the copy {} of {} failed: {} {}", address, ri, r.statusCode(), debug(r));
        }
        return MccOutbox.Result.DONE;
    }

    /** The copy's address: from the item, from the original's {@code at}, or from this run's bookkeeping. */
    private String address(String ri, String target, JsonNode item, Resource original) {
        if (item.hasNonNull("address")) {
            return item.get("address").asText();
        }
        if (original != null && targets(original).get(target) != null) {
            return targets(original).get(target);
        }
        return copies.get(ri + "|" + target);
    }

    /** Below the parent's copy when the parent is announced to the target, else below this CSE's remoteCSE there. */
    private String placement(Resource original, String target) {
        Optional<Resource> parent = store.get(original.pi());
        if (parent.isPresent() && announceable(parent.get())) {
            String address = targets(parent.get()).get(target);
            if (address != null) {
                return address;
            }
        }
        return target + "/" + config.cseIdWithoutSlash();
    }

    /**
     * The copy's attributes: rn (the original's ri), lnk, cr, et, lbl, the MA attributes, those in aa, and acpi
     * naming the copies of its policies at the target.
     */
    private ObjectNode copy(Resource original, String target) {
        JsonNode attributes = original.attributes();
        ObjectNode copy = ContentCodec.object();
        copy.put("rn", original.ri());
        copy.put("lnk", link(original));
        copy.putNull("cr"); // the announcing CSE becomes the creator, so it may add announced children below
        Set<String> names = new LinkedHashSet<>(ALWAYS);
        names.addAll(ANNOUNCEABLE.get(original.type()));
        names.addAll(names(attributes.get("aa")));
        names.removeAll(NEVER);
        for (String name : names) {
            if (attributes.has(name) && !attributes.get(name).isNull()) {
                copy.set(name, scoped(name, attributes.get(name)));
            }
        }
        ArrayNode acpi = announcedPolicyIds(original, target);
        if (!acpi.isEmpty()) {
            copy.set("acpi", acpi);
        }
        return copy;
    }

    // ---- access control policies of announced resources (digest §5.2 "Announced resources", §8.2 acpi) ----

    /**
     * The policies that decide access to the resource: its own {@code acpi}, or its parent's when it has none
     * (digest §5.2: the host supplies the parent's {@code acpi} when the original has none), as local ACPs.
     */
    private List<Resource> policies(Resource resource) {
        List<Resource> own = localPolicies(resource.attributes().get("acpi"));
        if (!own.isEmpty() || resource.type() == ResourceType.ACCESS_CONTROL_POLICY) {
            return own;
        }
        return store.get(resource.pi()).map(p -> localPolicies(p.attributes().get("acpi"))).orElse(List.of());
    }

    private List<Resource> localPolicies(JsonNode acpi) {
        List<Resource> found = new ArrayList<>();
        if (acpi == null || !acpi.isArray()) {
            return found;
        }
        for (JsonNode id : acpi) {
            String local = id.asText();
            if (local.startsWith(config.cseId() + "/")) {
                local = local.substring(config.cseId().length() + 1);
            } else if (local.startsWith("/")) {
                continue; // a policy on another CSE: not this CSE's to announce
            }
            String key = local;
            store.get(key).or(() -> store.getByPath(key))
                    .filter(r -> r.type() == ResourceType.ACCESS_CONTROL_POLICY).ifPresent(found::add);
        }
        return found;
    }

    /**
     * Announces the resource's policies to the target too (their {@code at} gains it), queued before the resource
     * itself so that its copy can name their copies; policies already announced there are left as they are.
     */
    private void announcePolicies(Resource resource, String target) {
        for (Resource policy : policies(resource)) {
            if (targets(policy).containsKey(target)) {
                continue;
            }
            rewriteAt(policy.ri(), current -> {
                Map<String, String> t = new LinkedHashMap<>(targets(current));
                t.putIfAbsent(target, null);
                return t;
            });
            queue("create", policy.ri(), target, null, null);
        }
    }

    /**
     * Identifier-valued attributes in the scope the target needs (digest §8.2): an AE-ID-Stem ({@code C…}) in the
     * {@code acor} of {@code pv}/{@code pvs} names an AE registered here, so it becomes SP-relative
     * ({@code /id-mn1/CAE1}).
     */
    private JsonNode scoped(String name, JsonNode value) {
        if (value == null || !("pv".equals(name) || "pvs".equals(name)) || !value.path("acr").isArray()) {
            return value;
        }
        ObjectNode out = value.deepCopy();
        for (JsonNode rule : out.path("acr")) {
            if (rule.path("acor").isArray()) {
                ArrayNode acor = (ArrayNode) rule.get("acor");
                for (int i = 0; i < acor.size(); i++) {
                    String id = acor.get(i).asText();
                    if (id.startsWith("C")) {
                        acor.set(i, ContentCodec.nodes().textNode(config.cseId() + "/" + id));
                    }
                }
            }
        }
        return out;
    }

    /** The {@code acpi} of the resource's copy at the target: the addresses there of its policies' copies. */
    private ArrayNode announcedPolicyIds(Resource resource, String target) {
        ArrayNode ids = ContentCodec.nodes().arrayNode();
        for (Resource policy : policies(resource)) {
            Resource current = store.get(policy.ri()).orElse(policy);
            String address = targets(current).get(target);
            if (address != null) {
                ids.add(address);
            } else {
                LOG.debug("policy {} of {} is not announced to {} (yet); left out of the copy's acpi", policy.ri(),
                        resource.ri(), target);
            }
        }
        return ids;
    }

    private String link(Resource original) {
        return config.cseId() + "/" + original.ri();
    }

    /** Replaces {@code at} of the stored original (bookkeeping, no event, no {@code lt} change). */
    private void rewriteAt(String ri, java.util.function.Function<Resource, Map<String, String>> change) {
        synchronized (this) {
            Optional<Resource> found = store.get(ri);
            if (found.isEmpty()) {
                return;
            }
            Resource r = found.get();
            Map<String, String> targets = change.apply(r);
            ArrayNode at = ContentCodec.nodes().arrayNode();
            targets.forEach((target, address) -> at.add(address != null ? address : target));
            if (at.equals(r.attributes().get("at"))) {
                return;
            }
            ObjectNode attributes = r.attributes().deepCopy();
            if (at.isEmpty()) {
                attributes.remove("at");
            } else {
                attributes.set("at", at);
            }
            try {
                store.apply(new Write.Update(new Resource(r.ri(), r.pi(), r.type(), r.rn(), r.path(), r.createdAt(),
                        r.modifiedAt(), r.expiresAt(), attributes)));
            } catch (RuntimeException e) {
                LOG.debug("'at' of {} not rewritten: {}", ri, e.toString());
            }
        }
    }

    private boolean announceable(Resource r) {
        return ANNOUNCEABLE.containsKey(r.type());
    }

    /**
     * The announcement targets in {@code at}: target CSE-ID → the copy's address, or null while not yet announced.
     * Entries are CSE-IDs ({@code /id-in}) or copy addresses ({@code /id-in/cntA12}); others are ignored.
     */
    Map<String, String> targets(Resource resource) {
        Map<String, String> targets = new LinkedHashMap<>();
        JsonNode at = resource.attributes().get("at");
        if (at == null || !at.isArray()) {
            return targets;
        }
        for (JsonNode entry : at) {
            String value = entry.asText();
            String cseId = AnnounceToCheck.cseIdOf(value);
            if (cseId == null || cseId.equals(config.cseId())) {
                continue;
            }
            String address = value.length() > cseId.length() ? value : null;
            if (address != null || !targets.containsKey(cseId)) {
                targets.put(cseId, address);
            }
        }
        return targets;
    }

    private static Set<String> names(JsonNode list) {
        Set<String> names = new LinkedHashSet<>();
        if (list != null && list.isArray()) {
            list.forEach(n -> names.add(n.asText()));
        }
        return names;
    }

    private static boolean unreachable(Response r) {
        return r.statusCode() == ResponseStatusCode.TARGET_NOT_REACHABLE
                || r.statusCode() == ResponseStatusCode.REQUEST_TIMEOUT
                || r.statusCode() == ResponseStatusCode.REMOTE_ENTITY_NOT_REACHABLE;
    }

    private static String debug(Response r) {
        return r.content() == null ? "" : r.content().path("m2m:dbg").asText();
    }

    private Response send(Operation op, String to, ResourceType type, JsonNode content) {
        return cse.send(Request.builder().operation(op).to(to).from(config.cseId()).releaseVersion("3")
                .requestId("annc-" + config.cseIdWithoutSlash() + "-" + requestIds.incrementAndGet())
                .resourceType(type).content(content).build());
    }
}
