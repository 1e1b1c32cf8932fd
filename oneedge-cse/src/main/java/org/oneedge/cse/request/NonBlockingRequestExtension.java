package org.oneedge.cse.request;

import org.oneedge.cse.CseExtension;

/**
 * Plugs non-blocking requests and the {@code <request>} resource into the engine (TS-0001 8.2.2, TS-0004 7.4.12,
 * digest §8.4): the {@link RequestHandler} and the {@link NonBlockingRequests} interceptor.
 *
 * <pre>
 *  Cse.builder().extension(new NonBlockingRequestExtension())   // installed by default
 * </pre>
 */
public final class NonBlockingRequestExtension implements CseExtension {

    private final NonBlockingSettings settings;
    private NonBlockingRequests requests;

    public NonBlockingRequestExtension() {
        this(NonBlockingSettings.defaults());
    }

    public NonBlockingRequestExtension(NonBlockingSettings settings) {
        this.settings = settings;
    }

    @Override
    public void install(Installation installation) {
        requests = new NonBlockingRequests(installation.config(), installation.store(), installation.cse(),
                installation.clock(), installation.remoteSenders(), settings);
        installation.handler(new RequestHandler());
        installation.interceptor(requests);
    }

    @Override
    public void start() {
        requests.start();
    }

    @Override
    public void stop() {
        requests.stop();
    }
}
