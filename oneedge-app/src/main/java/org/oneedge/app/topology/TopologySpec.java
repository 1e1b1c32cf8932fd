package org.oneedge.app.topology;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a topology file describes: CSE nodes with their registration links, MEC platform nodes of their own,
 * and the add-ons started next to them. The checks here make sure every name an add-on uses exists, so a topology
 * never starts half.
 *
 * @param description one line said at start-up (e.g. the deployment option), or null
 */
public record TopologySpec(String description, List<NodeSpec> nodes, List<MecSpec> mecPlatforms,
                           List<AddOnSpec> addOns) {

    public TopologySpec {
        nodes = List.copyOf(nodes);
        mecPlatforms = mecPlatforms == null ? List.of() : List.copyOf(mecPlatforms);
        addOns = addOns == null ? List.of() : List.copyOf(addOns);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a topology needs at least one CSE node");
        }
        Set<String> cses = new HashSet<>();
        Set<String> mecs = new HashSet<>();
        for (NodeSpec n : nodes) {
            cses.add(n.name());
            if (n.config().mecEnabled()) {
                mecs.add(n.name());
            }
        }
        for (MecSpec m : mecPlatforms) {
            if (cses.contains(m.name()) || !mecs.add(m.name())) {
                throw new IllegalArgumentException("the name '" + m.name() + "' is used twice in the topology");
            }
        }
        java.util.Map<String, List<String>> declaredHosts = new java.util.HashMap<>();
        mecPlatforms.forEach(m -> declaredHosts.put(m.name(), m.hosts()));
        Set<String> applications = new HashSet<>();
        for (AddOnSpec a : addOns) {
            require(cses.contains(a.cse()), a, "cse '" + a.cse() + "' is not a CSE node of the topology " + cses);
            String mec = switch (a) {
                case AddOnSpec.MecApplication app -> app.mec();
                case AddOnSpec.NetworkLocation loc -> loc.mec();
                case AddOnSpec.McaProxy proxy -> proxy.mec();
                case AddOnSpec.Federation federation -> federation.mec();
                default -> null;
            };
            boolean mecRequired = a instanceof AddOnSpec.MecApplication || a instanceof AddOnSpec.NetworkLocation;
            require(mec == null ? !mecRequired : mecs.contains(mec), a, "mec '" + mec + "' must name a MEC platform"
                    + " (an entry of mec-platforms or a CSE node with mec.enabled) " + mecs);
            if (a instanceof AddOnSpec.MecApplication app) {
                require(app.name() != null && applications.add(app.name()), a,
                        "a mec-application needs a name of its own, got '" + app.name() + "'");
                List<String> hosts = declaredHosts.getOrDefault(app.mec(), List.of());
                require(app.mecHost() == null || hosts.isEmpty() || hosts.contains(app.mecHost()), a,
                        "mec-host '" + app.mecHost() + "' is not one of the hosts of " + app.mec() + " " + hosts);
            }
            if (a instanceof AddOnSpec.Federation federation) {
                require(cses.containsAll(federation.members()), a, "members " + federation.members()
                        + " must name CSE nodes of the topology " + cses);
            }
            if (a instanceof AddOnSpec.MecIpe ipe) {
                require(applications.contains(ipe.application()), a, "application '" + ipe.application()
                        + "' must name a mec-application listed before it " + applications);
            }
        }
    }

    private static void require(boolean ok, AddOnSpec addOn, String message) {
        if (!ok) {
            throw new IllegalArgumentException("add-on " + addOn.type() + ": " + message);
        }
    }
}
