package org.oneedge.cse;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.oneedge.cse.resource.AccessChecker;
import org.oneedge.cse.event.ResourceEventListener;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.model.CseClient;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.RemoteSender;
import org.oneedge.model.Request;
import org.oneedge.model.Response;

/**
 * A feature that plugs into the engine with its own handlers, listeners or access checker and its own background
 * work (e.g. access control policies, subscriptions and notification delivery). Installed once while the
 * {@link Cse} is built ({@code Cse.builder().extension(…)}); started after the CSEBase exists and stopped on close,
 * in registration order (stopped in reverse).
 */
public interface CseExtension {

    /** Registers what the feature contributes; called once from {@link Cse.Builder#build()}. */
    void install(Installation installation);

    /** Starts background work; the CSEBase exists and the engine accepts requests. */
    default void start() {
    }

    /** Stops background work; must return promptly. */
    default void stop() {
    }

    /** What an extension may use and register while it is installed. */
    interface Installation {
        CseConfig config();

        ResourceStore store();

        Clock clock();

        List<RemoteSender> remoteSenders();

        /** The engine being built; send requests to it only after {@link #start()}. */
        CseClient cse();

        void handler(ResourceHandler handler);

        void listener(ResourceEventListener listener);

        /**
         * Adds a sender for notifications and other outgoing requests (e.g. the polling-channel queues); extensions
         * installed later see it in {@link #remoteSenders()}.
         */
        void remoteSender(RemoteSender sender);

        /**
         * The JSON root key of a stored resource as its type's handler gives it (per specialization for mgmtObj and
         * flexContainer); usable once the CSE is built.
         */
        String rootKey(Resource resource);

        /**
         * Lets the feature answer some requests before the engine sees them (e.g. non-blocking requests, TS-0001
         * 8.2.2): the function returns a response, or null to leave the request to the engine; a
         * {@link OneM2MException} it throws becomes the error response.
         */
        void interceptor(Function<Request, Response> interceptor);

        /** Replaces the access checker (the last one set wins). */
        void accessChecker(AccessChecker checker);
    }
}
