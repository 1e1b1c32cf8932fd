package org.oneedge.cse.access;

import org.oneedge.cse.resource.AccessChecker;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.CseExtension;

/**
 * Plugs access control policies into the engine (TS-0003 7.1, digest §5): the {@code <accessControlPolicy>} handler
 * and an {@link AclAccessChecker} over the engine's store replacing the allow-all default.
 */
public final class AccessControlExtension implements CseExtension {

    private volatile AclAccessChecker checker;

    @Override
    public void install(Installation installation) {
        CseConfig config = installation.config();
        checker = new AclAccessChecker(installation.store(), config.cseId(), config.spId(), config.adminOriginator(),
                installation.clock());
        installation.handler(new AccessControlPolicyHandler());
        installation.accessChecker(checker);
    }

    /** The installed checker; {@link AccessChecker#allowAll()} before {@link #install}. */
    public AccessChecker checker() {
        AccessChecker installed = checker;
        return installed == null ? AccessChecker.allowAll() : installed;
    }
}
