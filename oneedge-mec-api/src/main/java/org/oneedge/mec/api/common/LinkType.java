package org.oneedge.mec.api.common;

/** The ETSI MEC {@code LinkType} ({@code {href}}), the building block of every {@code _links} object. */
public record LinkType(String href) {

    public LinkType {
        if (href == null || href.isBlank()) {
            throw new IllegalArgumentException("href is required");
        }
    }

    public static LinkType of(String href) {
        return new LinkType(href);
    }
}
