package org.oneedge.cse.flex;

import org.oneedge.cse.CseExtension;

/**
 * Plugs flexContainers and their Rel-4 instance history into the engine (TS-0004 7.4.37, digest §7.2), with the
 * specializations of a {@link FlexContainerDefinitions} registry ({@link FlexContainerDefinitions#builtIn()} by
 * default).
 *
 * <pre>
 *  Cse.builder().extension(new FlexContainerExtension(FlexContainerDefinitions.builtIn().with(mine)))
 * </pre>
 */
public final class FlexContainerExtension implements CseExtension {

    private final FlexContainerDefinitions definitions;

    public FlexContainerExtension() {
        this(FlexContainerDefinitions.builtIn());
    }

    public FlexContainerExtension(FlexContainerDefinitions definitions) {
        this.definitions = definitions;
    }

    public FlexContainerDefinitions definitions() {
        return definitions;
    }

    @Override
    public void install(Installation installation) {
        installation.handler(new FlexContainerHandler(definitions));
        installation.handler(new FlexContainerInstanceHandler());
    }
}
