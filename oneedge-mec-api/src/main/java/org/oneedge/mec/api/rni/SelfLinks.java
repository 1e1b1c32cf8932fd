package org.oneedge.mec.api.rni;

import org.oneedge.mec.api.common.LinkType;

/** The {@code _links} of an RNI resource: its own URI ({@code self}). */
public record SelfLinks(LinkType self) {

    public static SelfLinks of(String href) {
        return new SelfLinks(LinkType.of(href));
    }
}
