package org.oneedge.federation.roles;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oneedge.federation.FederationRole;
import org.oneedge.federation.NodeRecord;
import org.oneedge.federation.ranking.Candidate;
import org.oneedge.federation.ranking.Ranker;
import org.oneedge.federation.ranking.Ranking;

/**
 * Decides who holds each role, deterministically: for every {@link RoleRule} the eligible UP nodes are ranked
 * ({@link Ranker}); current holders that are still eligible keep the role (no churn), free slots go to the best
 * ranked eligible nodes in rank order (ties by node id). A holder that went DOWN or lost a capability hands its role
 * to the next eligible node. Pure: same records and rules, same outcome.
 */
public final class RoleAssigner {

    /** The new role sets of every node and the changes that lead there from the current ones. */
    public record Outcome(Map<String, Set<FederationRole>> rolesByNode, List<RoleChange> changes) {}

    private final Ranker ranker;
    private final List<RoleRule> rules;

    public RoleAssigner(Ranker ranker, List<RoleRule> rules) {
        this.ranker = ranker;
        this.rules = List.copyOf(rules);
    }

    public Outcome assign(Collection<NodeRecord> nodes) {
        Map<String, Set<FederationRole>> roles = new LinkedHashMap<>();
        nodes.stream().map(NodeRecord::nodeId).sorted().forEach(id -> roles.put(id, EnumSet.noneOf(FederationRole.class)));
        List<RoleChange> changes = new ArrayList<>();
        for (RoleRule rule : rules) {
            Ranking ranking = ranker.rank(nodes, rule.requirements(nodes.size()));
            List<String> eligible = ranking.selected().stream().map(Candidate::nodeId).toList();
            List<String> holders = nodes.stream().filter(n -> n.roles().contains(rule.role()))
                    .map(NodeRecord::nodeId).sorted().toList();
            Set<String> keep = new LinkedHashSet<>();
            for (String id : eligible) {
                if (holders.contains(id) && keep.size() < rule.count()) {
                    keep.add(id);
                }
            }
            List<String> added = new ArrayList<>();
            for (String id : eligible) {
                if (keep.size() >= rule.count()) {
                    break;
                }
                if (keep.add(id)) {
                    added.add(id);
                }
            }
            List<String> lost = holders.stream().filter(h -> !keep.contains(h)).toList();
            for (int i = 0; i < Math.max(lost.size(), added.size()); i++) {
                String from = i < lost.size() ? lost.get(i) : null;
                String to = i < added.size() ? added.get(i) : null;
                String reason = from == null ? "free slot, best eligible node"
                        : why(from, ranking) + (to == null ? ", no eligible node left" : ", next eligible node");
                changes.add(new RoleChange(rule.role(), from, to, reason));
            }
            keep.forEach(id -> roles.get(id).add(rule.role()));
        }
        return new Outcome(roles, changes);
    }

    private static String why(String nodeId, Ranking ranking) {
        return ranking.excluded().stream().filter(e -> e.nodeId().equals(nodeId)).findFirst()
                .map(e -> String.join(", ", e.reasons())).orElse("more holders than the rule asks for");
    }
}
