package org.oneedge.bench.handover;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A {@link HandoverCoordinatorMain} in a child process as the crash test drives it: commands go to its standard
 * input, its answer lines are kept in order, and {@link #kill()} ends it with SIGKILL.
 */
final class CoordinatorChild implements AutoCloseable {

    private final Process process;
    private final PrintWriter commands;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private CoordinatorChild(Process process) {
        this.process = process;
        this.commands = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
                true);
    }

    /** Starts the process and returns once it takes commands. */
    static CoordinatorChild start(List<String> command, PrintStream progress, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the coordinator: " + e.getMessage(), e);
        }
        CoordinatorChild child = new CoordinatorChild(process);
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread.ofVirtual().name("bench-coordinator").start(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.equals(HandoverCoordinatorMain.READY)) {
                        ready.complete(null);
                    } else if (line.contains(" WARN ") || line.contains(" ERROR ") || line.startsWith("Exception")
                            || line.startsWith("error") || line.startsWith("ended") || line.startsWith("paused")) {
                        progress.println("[coordinator] " + line);
                    }
                    child.lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
            ready.completeExceptionally(new IllegalStateException("the coordinator ended before it was ready: "
                    + child.lines));
        });
        try {
            ready.get(timeout.toSeconds(), TimeUnit.SECONDS);
            progress.println("[bench] coordinator (pid " + process.pid() + ") ready");
            return child;
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the coordinator did not start within " + timeout + ": " + e.getMessage(),
                    e);
        }
    }

    /** Sends one command line (see {@link HandoverCoordinatorMain}). */
    void send(String command) {
        commands.println(command);
    }

    /** The first answer line starting with {@code prefix}, if it came. */
    Optional<String> line(String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
    }

    /** Every answer line so far. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: nothing stored, released or answered any more. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        commands.close(); // the coordinator stops when its standard input closes
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
