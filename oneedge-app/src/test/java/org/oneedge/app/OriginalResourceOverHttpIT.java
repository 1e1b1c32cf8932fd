package org.oneedge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rcn=7} original-resource (digest §2.5, §8.2) over real HTTP against {@code oneedge run} with one MN-CSE, as the
 * curl scenario ({@code scripts/curl-scenario-cse.sh}) checks it: a RETRIEVE with {@code rcn=7} of an announced copy on
 * the IN-CSE returns the original from the MN-CSE through {@code lnk} (the original host's access control applies);
 * on a resource that is not announced it is 4000 with {@code m2m:dbg}.
 */
class OriginalResourceOverHttpIT {
    private static final Pattern IN_LINE = Pattern.compile("IN-CSE /id-in \\(cse-in\\) listening on (http://\\S+)");
    private static final Pattern MN_LINE = Pattern.compile("MN-CSE /id-mn1 \\(cse-mn1\\) listening on (http://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void rcn_7_on_an_announced_copy_returns_the_original_and_on_anything_else_is_refused() throws Exception {
        StringWriter out = new StringWriter();
        ShutdownSignal signal = new ShutdownSignal();
        AppContext context = new AppContext(Map.of(), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                () -> signal);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread app = Thread.ofPlatform().name("oneedge-run").start(() -> exit.set(OneEdge.commandLine(context)
                .execute("run", "--port", "0", "--mns", "1", "--no-mqtt", "--mec-port", "0", "--store", "memory",
                        "--data-dir", dataDir.toString(), "--log-level", "WARN")));
        await().atMost(Duration.ofSeconds(60)).until(() -> MN_LINE.matcher(out.toString()).find() || !app.isAlive());
        Matcher in = IN_LINE.matcher(out.toString());
        Matcher mn = MN_LINE.matcher(out.toString());
        assertThat(in.find() && mn.find()).as("start-up lines in: %s", out).isTrue();

        try (WireClient client = new WireClient()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(client.retrieve(mn.group(1)
                    + "?fu=1&ty=16", "CAdmin").body()).path("m2m:uril").size() == 1); // registered to the IN-CSE
            HttpResponse<String> acp = client.create(mn.group(1), "CAdmin", 1, "{\"m2m:acp\":{\"rn\":\"acp\",\"pv\":"
                    + "{\"acr\":[{\"acor\":[\"CAdmin\",\"/id-in/CAdmin\"],\"acop\":63}]},"
                    + "\"pvs\":{\"acr\":[{\"acor\":[\"CAdmin\"],\"acop\":63}]}}}");
            assertThat(acp.statusCode()).as(acp.body()).isEqualTo(201);
            String acpRi = JSON.readTree(acp.body()).at("/m2m:acp/ri").asText();
            HttpResponse<String> cnt = client.create(mn.group(1), "CAdmin", 3, "{\"m2m:cnt\":{\"rn\":\"meter\","
                    + "\"acpi\":[\"" + acpRi + "\"],\"at\":[\"/id-in\"],\"lbl\":[\"announced:meter\"],\"mni\":7}}");
            assertThat(cnt.statusCode()).as(cnt.body()).isEqualTo(201);

            String[] copy = new String[1];
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                JsonNode found = JSON.readTree(client.retrieve(in.group(1) + "?fu=1&ty=10003&lbl=announced:meter",
                        "CAdmin").body()).path("m2m:uril");
                copy[0] = found.size() == 1 ? found.get(0).asText() : null;
                return copy[0] != null;
            });
            String copyUrl = in.group(1).substring(0, in.group(1).lastIndexOf('/')) + "/" + copy[0];

            HttpResponse<String> announced = client.retrieve(copyUrl, "CAdmin");
            HttpResponse<String> original = client.retrieve(copyUrl + "?rcn=7", "CAdmin");
            HttpResponse<String> notAnnounced = client.retrieve(in.group(1) + "?rcn=7", "CAdmin");

            assertThat(JSON.readTree(announced.body()).at("/m2m:cntA/lnk").asText()).startsWith("/id-mn1/");
            assertThat(original.statusCode()).as(original.body()).isEqualTo(200);
            assertThat(original.headers().firstValue("X-M2M-RSC")).contains("2000");
            JsonNode originalCnt = JSON.readTree(original.body()).path("m2m:cnt");
            assertThat(originalCnt.path("rn").asText()).isEqualTo("meter");
            assertThat(originalCnt.path("mni").asInt()).isEqualTo(7);
            assertThat(notAnnounced.statusCode()).isEqualTo(400);
            assertThat(notAnnounced.headers().firstValue("X-M2M-RSC")).contains("4000");
            assertThat(JSON.readTree(notAnnounced.body()).path("m2m:dbg").asText()).contains("announced");
        } finally {
            signal.requestStop();
            app.join(Duration.ofSeconds(20));
        }
        assertThat(exit.get()).isZero();
    }
}
