package org.oneedge.cse;

import org.oneedge.cse.store.Resource;
import org.oneedge.model.ResourceType;

/** What a request's {@code to} resolved to on this CSE: a stored resource, or a virtual child such as {@code la}. */
sealed interface Target {

    /** The stored resource, or for a virtual target its parent. */
    Resource anchor();

    /**
     * A virtual child that handles every operation itself, with the path below it (a group's {@code fopt}); the
     * engine hands the request to the parent's handler.
     *
     * @param subPath empty, or the rest of the address starting with {@code /}
     */
    record Delegated(Resource parent, String name, String subPath) implements Target {
        @Override
        public Resource anchor() {
            return parent;
        }
    }

    record Stored(Resource resource) implements Target {
        @Override
        public Resource anchor() {
            return resource;
        }
    }

    /**
     * {@code la} (latest) or {@code ol} (oldest) below a container-like parent (TS-0001 9.6.27/9.6.28).
     *
     * @param instanceType the type whose newest or oldest member is meant
     */
    record Virtual(Resource parent, String name, ResourceType instanceType) implements Target {
        static final String LATEST = "la";
        static final String OLDEST = "ol";

        @Override
        public Resource anchor() {
            return parent;
        }

        String path() {
            return parent.path() + "/" + name;
        }
    }
}
