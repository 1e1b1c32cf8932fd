package org.oneedge.bench.http;

import java.io.IOException;

/** One benchmark client's way to the server; each client thread owns one, so implementations need not be thread-safe. */
public interface BenchConnection extends AutoCloseable {

    BenchReply send(BenchRequest request) throws IOException;

    @Override
    void close();
}
