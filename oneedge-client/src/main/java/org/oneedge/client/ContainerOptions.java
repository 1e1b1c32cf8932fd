package org.oneedge.client;

import java.util.List;

/**
 * Optional attributes of a new {@code <container>} (TS-0004 7.4.6): limits on the instances it keeps.
 * Null means "let the CSE choose".
 *
 * @param maxNrOfInstances {@code mni}
 * @param maxByteSize      {@code mbs}
 * @param maxInstanceAge   {@code mia}, seconds
 * @param labels           {@code lbl}
 */
public record ContainerOptions(Long maxNrOfInstances, Long maxByteSize, Long maxInstanceAge, List<String> labels) {

    public static final ContainerOptions NONE = new ContainerOptions(null, null, null, List.of());

    public ContainerOptions {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** Keep at most {@code mni} instances. */
    public static ContainerOptions maxInstances(long mni) {
        return new ContainerOptions(mni, null, null, List.of());
    }

    public ContainerOptions withLabels(List<String> lbl) {
        return new ContainerOptions(maxNrOfInstances, maxByteSize, maxInstanceAge, lbl);
    }
}
