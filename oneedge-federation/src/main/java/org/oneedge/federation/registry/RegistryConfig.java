package org.oneedge.federation.registry;

import java.util.List;
import org.oneedge.federation.ranking.MetricScales;
import org.oneedge.federation.ranking.RankingWeights;
import org.oneedge.federation.roles.RoleRule;

/**
 * Configuration of the {@link FederationRegistry}; {@link #defaults()} gives the documented defaults.
 *
 * @param cseBase           CSEBase name of the IN-CSE, default {@code cse-in}
 * @param aeName            {@code rn} of the registry's {@code <AE>}, default {@code federation}
 * @param appId             {@code api} of that AE, default {@code Noneedge.federation}
 * @param originator        AE-ID the registry registers and acts with, default {@code Cfederation}
 * @param memberOriginators {@code acor} allowed to create and update node records, default {@code all} (nodes are
 *                          admitted by the operator's network; narrow it to the CSE-IDs of known nodes)
 * @param maxGroupMembers   {@code mnm} of the federation groups, default 1000
 * @param roleRules         role rules in the order they are applied, default none
 * @param weights           ranking weights, default {@link RankingWeights#DEFAULTS}
 * @param scales            metric scales, default {@link MetricScales#DEFAULTS}
 */
public record RegistryConfig(String cseBase, String aeName, String appId, String originator,
                             List<String> memberOriginators, int maxGroupMembers, List<RoleRule> roleRules,
                             RankingWeights weights, MetricScales scales) {

    public RegistryConfig {
        if (cseBase == null || aeName == null || appId == null || originator == null) {
            throw new IllegalArgumentException("cseBase, aeName, appId and originator are mandatory");
        }
        memberOriginators = List.copyOf(memberOriginators);
        roleRules = List.copyOf(roleRules);
        if (maxGroupMembers < 1) {
            throw new IllegalArgumentException("maxGroupMembers must be at least 1");
        }
        weights = weights == null ? RankingWeights.DEFAULTS : weights;
        scales = scales == null ? MetricScales.DEFAULTS : scales;
    }

    public static RegistryConfig defaults() {
        return new RegistryConfig("cse-in", "federation", "Noneedge.federation", "Cfederation", List.of("all"), 1000,
                List.of(), RankingWeights.DEFAULTS, MetricScales.DEFAULTS);
    }

    /** The structured path node records live under, e.g. {@code cse-in/federation}. */
    public String registryPath() {
        return cseBase + "/" + aeName;
    }

    public RegistryConfig withRoleRules(List<RoleRule> rules) {
        return new RegistryConfig(cseBase, aeName, appId, originator, memberOriginators, maxGroupMembers, rules,
                weights, scales);
    }

    public RegistryConfig withWeights(RankingWeights w) {
        return new RegistryConfig(cseBase, aeName, appId, originator, memberOriginators, maxGroupMembers, roleRules,
                w, scales);
    }

    public RegistryConfig withMemberOriginators(List<String> originators) {
        return new RegistryConfig(cseBase, aeName, appId, originator, originators, maxGroupMembers, roleRules,
                weights, scales);
    }
}
