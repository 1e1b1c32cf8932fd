package org.oneedge.mec.api.common;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MecRestClientTest {

    HttpServer server;
    MecRestClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/problem", ex -> answer(ex, 404, "application/problem+json",
                "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no service 'x'\"}"));
        server.createContext("/api/bare", ex -> answer(ex, 503, "text/plain", "down"));
        server.createContext("/api/ok", ex -> {
            ex.getResponseHeaders().add("Location", "http://there/1");
            answer(ex, 201, "application/json", "{\"href\":\"http://there/1\"}");
        });
        server.start();
        client = MecRestClient.of("http://127.0.0.1:" + server.getAddress().getPort() + "/api/");
    }

    private static void answer(com.sun.net.httpserver.HttpExchange ex, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getRequestBody().readAllBytes();
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void turns_problem_details_into_a_typed_exception() {
        assertThatThrownBy(() -> client.get("/problem", LinkType.class))
                .isInstanceOfSatisfying(MecProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.problem().detail()).isEqualTo("no service 'x'");
                });
    }

    @Test
    void synthesises_a_problem_when_the_error_body_is_not_problem_details() {
        assertThatThrownBy(() -> client.get("/bare", LinkType.class))
                .isInstanceOfSatisfying(MecProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.problem().detail()).contains("/api/bare");
                });
    }

    @Test
    void decodes_the_body_and_location_of_a_success() {
        var result = client.post("/ok", LinkType.of("http://ignored"), LinkType.class);

        assertThat(result.status()).isEqualTo(201);
        assertThat(result.body().href()).isEqualTo("http://there/1");
        assertThat(result.location()).hasValue("http://there/1");
    }
}
