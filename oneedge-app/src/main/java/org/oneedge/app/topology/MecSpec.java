package org.oneedge.app.topology;

import java.nio.file.Path;
import java.util.List;

/**
 * A MEC platform node of a topology file ({@code mec-platforms:}) that runs without a CSE (deployment options A and
 * B put it on an edge node of its own): the emulated ETSI MEC platform on {@code host:port} over the emulator
 * scenario, whose MEC hosts are the scenario's hosts (the built-in default scenario when none is named).
 *
 * @param name     how add-ons of the file refer to it
 * @param host     bind address (default {@code 127.0.0.1})
 * @param port     HTTP port of every MEC API, 0 = a free one (default 8090)
 * @param scenario emulator scenario file, or null for the built-in default
 * @param hosts    the MEC hosts the file expects the scenario to have, in order (checked at start, so a file and its
 *                 scenario cannot drift apart; add-ons name them in {@code mec-host}); empty = whatever it has
 */
public record MecSpec(String name, String host, int port, Path scenario, List<String> hosts) {
    public MecSpec {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a MEC platform of a topology needs a name");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("MEC platform '" + name + "' needs a host (bind address)");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("MEC platform '" + name + "': port must be 0..65535, got " + port);
        }
    }

    /** Refuses a started platform whose MEC hosts are not the ones the file lists. */
    public void checkHosts(List<String> actual) {
        if (!hosts.isEmpty() && !hosts.equals(actual)) {
            throw new IllegalArgumentException("MEC platform '" + name + "' lists hosts " + hosts + " but its scenario ("
                    + (scenario == null ? "built-in default" : scenario) + ") has " + actual);
        }
    }

    /** A copy on another port (0 = a free one). */
    public MecSpec withPort(int newPort) {
        return new MecSpec(name, host, newPort, scenario, hosts);
    }
}
