package org.oneedge.mec.platform.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.oneedge.mec.api.common.MecJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asserts that JSON bodies seen by tests conform to the ETSI MEC OpenAPI files (read in place from
 * {@code <repo root>/../shared/reference/mec-openapi}, any ancestor's {@code shared/reference/mec-openapi}, or
 * {@code $ONEEDGE_MEC_OPENAPI_DIR}). When the files are absent the conformance assertions are skipped (a WARN is
 * logged once, and {@link #assumeOpenApiFilesPresent()} marks the dedicated check as skipped in the test report), so
 * the rest of each test still runs and the build works outside the OneEdge workspace.
 *
 * <pre>{@code
 * assertConformsTo("MecServiceMgmtApi.yaml", "ServiceInfo", answer.json());
 * assertResponseConforms("MecServiceMgmtApi.yaml", "/services", "GET", 200, answer.json());
 * }</pre>
 */
public final class MecConformance {

    public static final String ENV_DIR = "ONEEDGE_MEC_OPENAPI_DIR";
    private static final ObjectMapper MAPPER = MecJson.newObjectMapper();
    private static final Optional<Path> DIR = locate();
    private static final Logger LOG = LoggerFactory.getLogger(MecConformance.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static final String MISSING = "ETSI MEC OpenAPI files not found (set " + ENV_DIR
            + " or place them in ../shared/reference/mec-openapi): schema conformance NOT checked";

    private MecConformance() {
    }

    /** The directory holding the ETSI files, if found. */
    public static Optional<Path> openApiDir() {
        return DIR;
    }

    /** Asserts {@code body} (JsonNode, JSON string or any Jackson-serialisable value) is a valid {@code schema}. */
    public static void assertConformsTo(String file, String schema, Object body) {
        JsonNode json = toJson(body);
        Optional<EtsiOpenApi> api = api(file);
        if (api.isEmpty()) {
            return;
        }
        List<String> errors = api.get().validateAgainstComponent(schema, json);
        assertThat(errors).as("%s does not conform to %s#%s", json, file, schema).isEmpty();
    }

    /** Asserts every element of a JSON array conforms to {@code schema}. */
    public static void assertEachConformsTo(String file, String schema, Object array) {
        JsonNode json = toJson(array);
        assertThat(json.isArray()).as("expected a JSON array: %s", json).isTrue();
        json.forEach(item -> assertConformsTo(file, schema, item));
    }

    /** Asserts {@code body} conforms to the response schema of {@code method path} answered with {@code status}. */
    public static void assertResponseConforms(String file, String path, String method, int status, Object body) {
        JsonNode json = toJson(body);
        Optional<EtsiOpenApi> api = api(file);
        if (api.isEmpty()) {
            return;
        }
        List<String> errors = api.get().validateAgainstResponse(path, method, status, json);
        assertThat(errors).as("%s does not conform to %s %s %s %d", json, file, method, path, status).isEmpty();
    }

    /** JUnit assumption that the ETSI files are present: skips the calling test, visibly, when they are not. */
    public static void assumeOpenApiFilesPresent() {
        Assumptions.assumeTrue(DIR.isPresent(), MISSING);
    }

    private static Optional<EtsiOpenApi> api(String file) {
        if (DIR.isEmpty()) {
            if (WARNED.compareAndSet(false, true)) {
                LOG.warn(MISSING);
            }
            return Optional.empty();
        }
        Path path = DIR.get().resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new AssertionError(file + " not found in " + DIR.get());
        }
        return Optional.of(EtsiOpenApi.load(path));
    }

    private static JsonNode toJson(Object body) {
        try {
            if (body instanceof JsonNode node) {
                return node;
            }
            if (body instanceof String s) {
                return MAPPER.readTree(s);
            }
            return MAPPER.valueToTree(body);
        } catch (IOException e) {
            throw new AssertionError("body is not JSON: " + body, e);
        }
    }

    private static Optional<Path> locate() {
        String env = System.getenv(ENV_DIR);
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        Path dir = Path.of("").toAbsolutePath();
        Path repoRoot = dir;
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                repoRoot = p;
                break;
            }
        }
        for (Path p = repoRoot.getParent(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/reference/mec-openapi");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
