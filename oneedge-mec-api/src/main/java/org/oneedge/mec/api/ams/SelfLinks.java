package org.oneedge.mec.api.ams;

import org.oneedge.mec.api.common.LinkType;

/** {@code _links} of an AMS subscription: its own URI. */
public record SelfLinks(LinkType self) {

    public static SelfLinks of(String href) {
        return new SelfLinks(LinkType.of(href));
    }
}
