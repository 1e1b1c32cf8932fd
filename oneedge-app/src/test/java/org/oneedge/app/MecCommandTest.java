package org.oneedge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MecCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return OneEdge.commandLine(new AppContext(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true),
                ShutdownSignal::new)).execute(args);
    }

    @Test
    void help_offers_a_speed_factor_for_the_emulated_clock() {
        assertThat(run("mec", "--help")).isZero();
        assertThat(out.toString()).contains("--speed=FACTOR");
    }

    @Test
    void refuses_a_speed_that_is_not_positive_or_absurd() {
        assertThat(run("mec", "--port", "0", "--speed", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--speed must be above 0");
        assertThat(run("mec", "--port", "0", "--speed", "5000")).isEqualTo(2);
    }
}
