package org.oneedge.interworking;

import org.oneedge.binding.http.HttpBindingConfig;
import org.oneedge.binding.http.HttpBindingServer;
import org.oneedge.binding.http.HttpCseClient;
import org.oneedge.binding.http.HttpRemoteSender;
import org.oneedge.cse.Cse;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.CseType;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.cse.store.ResourceStore;

/** Test kit: an MN-CSE ({@code /id-mn1}, {@code cse-mn1}) serving TS-0009 HTTP on a free loopback port and
 * notifying over HTTP. */
public final class CseTestbed implements AutoCloseable {

    public static final String CSE_ID = "/id-mn1";
    public static final String CSE_BASE = "cse-mn1";

    public final ResourceStore store;
    public final Cse cse;
    public final HttpBindingServer http;
    private final HttpRemoteSender sender = new HttpRemoteSender();

    private CseTestbed(ResourceStore store, int port) {
        this.store = store;
        cse = Cse.builder().config(CseConfig.defaults().withCseId(CSE_ID).withCseBaseName(CSE_BASE)
                .withCseType(CseType.MN)).store(store).remoteSender(sender).build();
        cse.start();
        http = new HttpBindingServer(HttpBindingConfig.loopbackAnyPort().toBuilder().port(port).build(), cse);
        http.start();
    }

    public static CseTestbed start() {
        return new CseTestbed(new InMemoryResourceStore(), 0);
    }

    /** This CSE restarted: a new engine and HTTP server on the same store and port. */
    public CseTestbed restart() {
        int port = http.port();
        close();
        return new CseTestbed(store, port);
    }

    public String baseUrl() {
        return http.baseUrl();
    }

    /** A fresh HTTP client to this CSE. */
    public HttpCseClient client() {
        return new HttpCseClient(baseUrl());
    }

    @Override
    public void close() {
        http.close();
        cse.close();
        sender.close();
    }
}
