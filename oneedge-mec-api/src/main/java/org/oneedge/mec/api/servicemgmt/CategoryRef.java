package org.oneedge.mec.api.servicemgmt;

/** MEC 011 {@code CategoryRef}: a reference to a service or application category (all four fields required). */
public record CategoryRef(String href, String id, String name, String version) {

    public CategoryRef {
        if (href == null || id == null || name == null || version == null) {
            throw new IllegalArgumentException("CategoryRef needs href, id, name and version");
        }
    }
}
