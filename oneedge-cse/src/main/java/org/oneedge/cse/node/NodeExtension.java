package org.oneedge.cse.node;

import org.oneedge.cse.CseExtension;
import org.oneedge.cse.resource.LocalResolver;

/**
 * Plugs device management resources into the engine (TS-0001 9.6.15/9.6.18, digest §1.2): the {@code <node>} and
 * {@code <mgmtObj>} handlers and the {@link NodeLinkListener} that keeps {@code hael} in step with AEs' {@code nl}.
 * Installed by default by {@code Cse.builder()}.
 */
public final class NodeExtension implements CseExtension {

    @Override
    public void install(Installation installation) {
        installation.handler(new NodeHandler());
        installation.handler(new MgmtObjHandler());
        installation.listener(new NodeLinkListener(installation.cse(),
                new LocalResolver(installation.store(), installation.config()), installation.config()));
    }
}
