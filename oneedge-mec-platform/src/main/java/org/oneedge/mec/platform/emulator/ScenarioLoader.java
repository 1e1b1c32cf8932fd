package org.oneedge.mec.platform.emulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads {@link Scenario}s from YAML (Jackson YAML): from a stream, from a file the application names, or the default
 * scenario shipped in {@code scenarios/default.yaml} (three MEC hosts in a row, six cells, devices moving back and
 * forth). Durations are ISO-8601 ({@code PT0.64S}) or seconds. Unknown keys are errors, so typos do not pass silently.
 */
public final class ScenarioLoader {

    /** Classpath location of the default scenario. */
    public static final String DEFAULT_RESOURCE = "/scenarios/default.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ScenarioLoader() {
    }

    /** Parses a scenario; a malformed or inconsistent file gives an {@link IllegalArgumentException} saying why. */
    public static Scenario read(InputStream yaml) {
        try {
            return YAML.readValue(yaml, Scenario.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("invalid scenario: " + cause.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid scenario: " + getOriginalMessageOf(e), e);
        }
    }

    /** Parses a scenario from a YAML string. */
    public static Scenario parse(String yaml) {
        return read(new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Reads a scenario file. */
    public static Scenario read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + file, e);
        }
    }

    /** The default scenario shipped with the platform. */
    public static Scenario defaultScenario() {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default scenario missing from classpath: " + DEFAULT_RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String getOriginalMessageOf(IOException e) {
        return e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                : e.getMessage();
    }
}
