package org.oneedge.app.federation;

import org.oneedge.app.requests.OpenRequestPoller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.oneedge.cse.flex.CustomAttribute;
import org.oneedge.cse.flex.CustomAttribute.Kind;
import org.oneedge.cse.flex.FlexContainerDefinition;
import org.oneedge.federation.Location;
import org.oneedge.federation.NodeKind;
import org.oneedge.federation.ranking.Candidate;
import org.oneedge.federation.ranking.Exclusion;
import org.oneedge.federation.ranking.Ranking;
import org.oneedge.federation.ranking.Requirements;
import org.oneedge.federation.registry.FederationRegistry;
import org.oneedge.handover.onem2m.CseRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * N-best ranking of federation nodes asked over plain oneM2M (issue 6): a flexContainer
 * {@code org.oneedge.federation.rankRequest} ({@code oe:fedRankReq}, label {@value #OPEN_LABEL}) created under the
 * registry AE at the IN-CSE carries the requirements; the watcher finds open requests by discovery, ranks the
 * registered nodes ({@link FederationRegistry#rank}) and answers in the same resource (label {@value #DONE_LABEL}).
 * <p>Requirements (all optional): {@code cnt} N (default 3), {@code kinds} node kinds ({@code IN_CSE},
 * {@code MN_CSE}, {@code MEC_PLATFORM}, {@code MEC_HOST}), {@code apis}, {@code accs} accelerators, {@code mcpu},
 * {@code mmem} (MB) minimum resources, {@code trust} allowed trust domains, {@code home} the requester's trust
 * domain, {@code mld} highest load %, {@code mcst} highest cost, {@code lat}/{@code lon} the point distances are
 * measured from and {@code dist} the largest distance (km).
 * <p>Answer: {@code res} {@code RANKED} or {@code REFUSED} (with {@code rsn}); {@code cands} the selected candidates
 * best first ({@code rank}, {@code node}, {@code score}, {@code rsn} the score breakdown), {@code rsv} the other
 * eligible nodes' ids in rank order, {@code excl} the excluded nodes with their reasons. The ranking is a pure
 * function of the records, so the same request over the same records gives the same answer.
 */
public final class RankRequestWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RankRequestWatcher.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Root key of a ranking request. */
    public static final String ROOT_KEY = "oe:fedRankReq";
    /** containerDefinition of a ranking request. */
    public static final String CND = "org.oneedge.federation.rankRequest";
    /** Label of a request not answered yet. */
    public static final String OPEN_LABEL = "oe:fedRankReq/open";
    /** Label of an answered request. */
    public static final String DONE_LABEL = "oe:fedRankReq/done";
    /** Default N when {@code cnt} is absent. */
    public static final int DEFAULT_COUNT = 3;
    /** The specialization the IN-CSE needs to accept ranking requests. */
    public static final FlexContainerDefinition DEFINITION = new FlexContainerDefinition(CND, ROOT_KEY, List.of(
            new CustomAttribute("cnt", "count", Kind.INT, false),
            new CustomAttribute("kinds", "nodeKinds", Kind.LIST, false),
            new CustomAttribute("apis", "requiredApis", Kind.LIST, false),
            new CustomAttribute("accs", "requiredAccelerators", Kind.LIST, false),
            new CustomAttribute("mcpu", "minCpuCores", Kind.INT, false),
            new CustomAttribute("mmem", "minMemoryMb", Kind.INT, false),
            new CustomAttribute("trust", "allowedTrustDomains", Kind.LIST, false),
            new CustomAttribute("home", "homeTrustDomain", Kind.STRING, false),
            new CustomAttribute("mld", "maxLoadPercent", Kind.FLOAT, false),
            new CustomAttribute("mcst", "maxCostPerHour", Kind.FLOAT, false),
            new CustomAttribute("lat", "latitude", Kind.FLOAT, false),
            new CustomAttribute("lon", "longitude", Kind.FLOAT, false),
            new CustomAttribute("dist", "maxDistanceKm", Kind.FLOAT, false),
            new CustomAttribute("res", "result", Kind.STRING, false),
            new CustomAttribute("rsn", "reason", Kind.STRING, false),
            new CustomAttribute("cands", "candidates", Kind.LIST, false),
            new CustomAttribute("rsv", "reserve", Kind.LIST, false),
            new CustomAttribute("excl", "excluded", Kind.LIST, false)));

    private final FederationRegistry registry;
    private final OpenRequestPoller poller;

    /**
     * @param atIn     requests to the IN-CSE as the registry's originator
     * @param registry the federation registry the requests live under and whose nodes are ranked
     */
    public RankRequestWatcher(CseRequests atIn, FederationRegistry registry, Duration poll) {
        this.registry = registry;
        this.poller = new OpenRequestPoller("federation rank requests", atIn, registry.config().registryPath(),
                ROOT_KEY, OPEN_LABEL, DONE_LABEL, poll, this::answer);
    }

    /** Starts polling for open requests on a virtual thread. */
    public RankRequestWatcher start() {
        poller.start();
        return this;
    }

    /** Answers every open request found now; returns how many were answered. */
    public int pollOnce() {
        return poller.pollOnce();
    }

    private ObjectNode answer(String path, JsonNode request) {
        ObjectNode result = NODES.objectNode();
        try {
            Ranking ranking = registry.rank(requirements(request));
            result.put("res", "RANKED");
            result.set("cands", candidates(ranking.selected()));
            ArrayNode reserve = result.putArray("rsv");
            ranking.reserve().forEach(c -> reserve.add(c.nodeId()));
            ArrayNode excluded = result.putArray("excl");
            for (Exclusion e : ranking.excluded()) {
                excluded.addObject().put("node", e.nodeId()).put("rsn", String.join(", ", e.reasons()));
            }
            LOG.info("federation rank request {}: {}", path, ranking.selectedIds());
        } catch (IllegalArgumentException e) {
            result.put("res", "REFUSED");
            result.put("rsn", e.getMessage());
            LOG.info("federation rank request {} refused: {}", path, e.getMessage());
        }
        return result;
    }

    private static ArrayNode candidates(List<Candidate> selected) {
        ArrayNode cands = NODES.arrayNode();
        for (Candidate c : selected) {
            cands.addObject().put("rank", c.rank()).put("node", c.nodeId())
                    .put("score", Math.round(c.breakdown().score() * 1000) / 1000.0).put("rsn", c.reason());
        }
        return cands;
    }

    /** Reads the requirements of a request; throws IllegalArgumentException naming what is wrong. */
    static Requirements requirements(JsonNode q) {
        Requirements.Builder b = Requirements.top(q.has("cnt") ? q.path("cnt").asInt() : DEFAULT_COUNT);
        List<NodeKind> kinds = new ArrayList<>();
        for (String k : strings(q.path("kinds"))) {
            try {
                kinds.add(NodeKind.valueOf(k));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("kinds: unknown node kind '" + k + "' (IN_CSE, MN_CSE,"
                        + " MEC_PLATFORM, MEC_HOST)");
            }
        }
        b.kinds(kinds.toArray(NodeKind[]::new)).requiredApis(strings(q.path("apis")))
                .requiredAccelerators(strings(q.path("accs")))
                .allowedTrustDomains(strings(q.path("trust")).toArray(String[]::new))
                .minCpuCores(q.path("mcpu").asInt(0)).minMemoryMb(q.path("mmem").asLong(0));
        if (q.hasNonNull("home")) {
            b.homeTrustDomain(q.path("home").asText());
        }
        if (q.hasNonNull("mld")) {
            b.maxLoadPercent(q.path("mld").asDouble());
        }
        if (q.hasNonNull("mcst")) {
            b.maxCostPerHour(q.path("mcst").asDouble());
        }
        if (q.hasNonNull("lat") || q.hasNonNull("lon")) {
            Location point = new Location(q.hasNonNull("lat") ? q.path("lat").asDouble() : null,
                    q.hasNonNull("lon") ? q.path("lon").asDouble() : null, null);
            if (q.hasNonNull("dist")) {
                b.within(point, q.path("dist").asDouble());
            } else {
                b.near(point);
            }
        } else if (q.hasNonNull("dist")) {
            throw new IllegalArgumentException("dist needs lat and lon to measure from");
        }
        return b.build();
    }

    private static List<String> strings(JsonNode list) {
        List<String> values = new ArrayList<>();
        list.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Override
    public void close() {
        poller.close();
    }
}
