package org.oneedge.cse.announcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.Cse;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.CseType;
import org.oneedge.cse.remote.CseRegistrar;
import org.oneedge.cse.remote.MccOutbox;
import org.oneedge.cse.remote.RegistrarConfig;
import org.oneedge.cse.remote.RemoteCseForwarder;
import org.oneedge.cse.flex.FlexContainerDefinitions;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.FilterCriteria;
import org.oneedge.model.Operation;
import org.oneedge.model.RemoteSender;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * An MN-CSE announces resources to the IN-CSE it is registered to (digest §8.2), in one JVM over {@code mem://}
 * points of access: copies with {@code lnk}, {@code at} bookkeeping, synchronisation, de-announcement, discovery,
 * {@code rcn=7}, bad {@code at} values, and a link loss with a restart of the MN in the middle.
 */
class AnnouncementTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final AtomicLong RQI = new AtomicLong();

    private InMemoryResourceStore inStore = new InMemoryResourceStore();
    private final InMemoryResourceStore mnStore = new InMemoryResourceStore();
    private final Map<String, Cse> attached = new ConcurrentHashMap<>();
    private final RemoteSender network = new RemoteSender() {
        @Override
        public boolean supports(String url) {
            return url.startsWith("mem://");
        }

        @Override
        public Response send(String url, Request request) {
            Cse node = attached.get(url);
            return node == null ? Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, "nothing at " + url)
                    : node.send(request);
        }
    };
    private final CseConfig inConfig = CseConfig.defaults().withPointOfAccess(List.of("mem://in"));
    private final CseConfig mnConfig = CseConfig.defaults().withCseId("/id-mn1").withCseBaseName("cse-mn1")
            .withCseType(CseType.MN).withPointOfAccess(List.of("mem://mn1"));
    private Cse in;
    private Cse mn;
    private AnnouncementExtension announcement;
    private CseRegistrar registrar;

    private Cse node(CseConfig config, InMemoryResourceStore store, AnnouncementExtension extension) {
        Cse cse = Cse.builder().config(config).store(store).remoteSender(network)
                .forwarder(new RemoteCseForwarder(config, store, List.of(network))).extension(extension).build();
        cse.start();
        attached.put(config.pointOfAccess().getFirst(), cse);
        return cse;
    }

    private AnnouncementExtension extension() {
        return new AnnouncementExtension(MccOutbox.Settings.defaults().withRetryInterval(Duration.ofMillis(20))
                .withMaxRetryInterval(Duration.ofMillis(100)),
                FlexContainerDefinitions.builtIn());
    }

    @BeforeEach
    void start() {
        in = node(inConfig, inStore, extension());
        announcement = extension();
        mn = node(mnConfig, mnStore, announcement);
        registrar = new CseRegistrar(RegistrarConfig.builder("/id-in", "cse-in", List.of("mem://in"))
                .retryInterval(Duration.ofMillis(50)).maxRetryInterval(Duration.ofMillis(100))
                .deregisterOnShutdown(false).build(), mnConfig, mn, mnStore, List.of(network));
        registrar.onRegisteredAnew(() -> announcement.reannounce("/id-in"));
        registrar.start();
        await().atMost(WAIT).until(() -> registrar.state() == CseRegistrar.State.REGISTERED);
    }

    @AfterEach
    void stop() {
        registrar.close();
        mn.close();
        in.close();
    }

    private static Request.Builder request(Operation op, String to, String from) {
        return Request.builder().operation(op).to(to).from(from).releaseVersion("3").requestId("a" + RQI.incrementAndGet());
    }

    private static Response create(Cse cse, String parent, String from, ResourceType type, String json) {
        Response r = cse.send(request(Operation.CREATE, parent, from).resourceType(type)
                .content(ContentCodec.parse(json)).build());
        return r;
    }

    private static Response update(Cse cse, String to, String from, String json) {
        return cse.send(request(Operation.UPDATE, to, from).content(ContentCodec.parse(json)).build());
    }

    private static String dbg(Response r) {
        return r.content() == null ? "" : r.content().path("m2m:dbg").asText();
    }

    /** The copy's address once {@code at} of the original holds it. */
    private String announcedAddress(String originalPath) {
        await().atMost(WAIT).until(() -> mnStore.getByPath(originalPath).orElseThrow().attributes().path("at")
                .toString().matches(".*\"/id-in/[^\"]+\".*"));
        return mnStore.getByPath(originalPath).orElseThrow().attributes().path("at").get(0).asText();
    }

    private Resource copy(String address) {
        return inStore.get(address.substring("/id-in/".length())).orElseThrow();
    }

    private Response meter() {
        return create(mn, "cse-mn1", "Cmeter", ResourceType.AE, "{\"m2m:ae\":{\"rn\":\"meter\",\"api\":\"Nmeter\","
                + "\"rr\":true,\"srv\":[\"3\"],\"at\":[\"/id-in\"],\"aa\":[\"api\"],\"lbl\":[\"kind/meter\"]}}");
    }

    @Test
    void ae_container_and_instance_copies_nest_and_at_holds_their_addresses() {
        assertThat(meter().statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        String aeCopy = announcedAddress("cse-mn1/meter");
        Resource ae = copy(aeCopy);
        assertThat(ae.type()).isEqualTo(ResourceType.AE_ANNC);
        assertThat(ae.path()).isEqualTo("cse-in/id-mn1/Cmeter");
        assertThat(ae.attributes().path("lnk").asText()).isEqualTo("/id-mn1/Cmeter");
        assertThat(ae.attributes().path("lbl").get(0).asText()).isEqualTo("kind/meter");
        assertThat(ae.attributes().path("api").asText()).isEqualTo("Nmeter");
        assertThat(ae.attributes().has("rr")).as("rr is not in aa").isFalse();

        Response cnt = create(mn, "cse-mn1/meter", "Cmeter", ResourceType.CONTAINER,
                "{\"m2m:cnt\":{\"rn\":\"power\",\"at\":[\"/id-in\"]}}");
        String cntCopy = announcedAddress("cse-mn1/meter/power");
        create(mn, "cse-mn1/meter/power", "Cmeter", ResourceType.CONTENT_INSTANCE,
                "{\"m2m:cin\":{\"rn\":\"v1\",\"con\":\"42\",\"at\":[\"/id-in\"],\"aa\":[\"con\"]}}");
        String cinCopy = announcedAddress("cse-mn1/meter/power/v1");

        assertThat(copy(cntCopy).type()).isEqualTo(ResourceType.CONTAINER_ANNC);
        assertThat(copy(cntCopy).pi()).as("below the AE's copy").isEqualTo(ae.ri());
        assertThat(copy(cntCopy).attributes().path("lnk").asText())
                .isEqualTo("/id-mn1/" + cnt.content().path("m2m:cnt").path("ri").asText());
        assertThat(copy(cinCopy).type()).isEqualTo(ResourceType.CONTENT_INSTANCE_ANNC);
        assertThat(copy(cinCopy).pi()).isEqualTo(copy(cntCopy).ri());
        assertThat(copy(cinCopy).attributes().path("con").asText()).isEqualTo("42");
        Response read = in.send(request(Operation.RETRIEVE, cinCopy, "CAdmin").build());
        assertThat(read.content().has("m2m:cinA")).as(read.content().toString()).isTrue();
        assertThat(read.content().path("m2m:cinA").path("ty").asInt()).isEqualTo(10004);
    }

    @Test
    void flex_container_group_node_and_mgmt_obj_are_announced_with_their_announced_keys() {
        meter();
        announcedAddress("cse-mn1/meter");
        assertThat(create(mn, "cse-mn1/meter", "Cmeter", ResourceType.FLEX_CONTAINER, "{\"oe:ueInfo\":{\"rn\":\"ue\","
                + "\"cnd\":\"org.oneedge.mec.ueInfo\",\"cellId\":\"c7\",\"at\":[\"/id-in\"],\"aa\":[\"cellId\"]}}")
                .statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(create(mn, "cse-mn1/meter", "Cmeter", ResourceType.GROUP, "{\"m2m:grp\":{\"rn\":\"g\",\"mnm\":5,"
                + "\"mid\":[],\"at\":[\"/id-in\"]}}").statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(create(mn, "cse-mn1", "CAdmin", ResourceType.NODE, "{\"m2m:nod\":{\"rn\":\"dev1\","
                + "\"ni\":\"urn:dev:1\",\"at\":[\"/id-in\"]}}").statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        String nodeCopy = announcedAddress("cse-mn1/dev1");
        Response bat = create(mn, "cse-mn1/dev1", "CAdmin", ResourceType.MGMT_OBJ, "{\"m2m:bat\":{\"rn\":\"bat\","
                + "\"mgd\":1006,\"btl\":80,\"bts\":1,\"at\":[\"/id-in\"],\"aa\":[\"btl\"]}}");
        assertThat(bat.statusCode()).as(dbg(bat)).isEqualTo(ResponseStatusCode.CREATED);

        String flexCopy = announcedAddress("cse-mn1/meter/ue");
        Response flex = in.send(request(Operation.RETRIEVE, flexCopy, "CAdmin").build());
        assertThat(flex.content().path("oe:ueInfoA").path("ty").asInt()).as(flex.content().toString()).isEqualTo(10028);
        assertThat(flex.content().path("oe:ueInfoA").path("cnd").asText()).isEqualTo("org.oneedge.mec.ueInfo");
        assertThat(flex.content().path("oe:ueInfoA").path("cellId").asText()).isEqualTo("c7");

        Response group = in.send(request(Operation.RETRIEVE, announcedAddress("cse-mn1/meter/g"), "CAdmin").build());
        assertThat(group.content().path("m2m:grpA").path("ty").asInt()).isEqualTo(10009);
        assertThat(group.content().path("m2m:grpA").path("mnm").asInt()).as("mnm is announced (MA)").isEqualTo(5);

        assertThat(copy(nodeCopy).type()).isEqualTo(ResourceType.NODE_ANNC);
        assertThat(copy(nodeCopy).attributes().path("ni").asText()).isEqualTo("urn:dev:1");
        String batCopy = announcedAddress("cse-mn1/dev1/bat");
        Response mgmt = in.send(request(Operation.RETRIEVE, batCopy, "CAdmin").build());
        JsonNode batA = mgmt.content().path("m2m:batA");
        assertThat(batA.path("ty").asInt()).as(mgmt.content().toString()).isEqualTo(10013);
        assertThat(batA.path("mgd").asInt()).isEqualTo(1006);
        assertThat(batA.path("btl").asInt()).isEqualTo(80);
        assertThat(copy(batCopy).pi()).as("below the node's copy").isEqualTo(copy(nodeCopy).ri());
    }

    @Test
    void updates_of_announced_attributes_and_of_aa_reach_the_copy() {
        create(mn, "cse-mn1", "CAdmin", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"c\",\"mni\":5,\"mbs\":100,"
                + "\"at\":[\"/id-in\"],\"aa\":[\"mni\"]}}");
        String address = announcedAddress("cse-mn1/c");
        assertThat(copy(address).attributes().path("mni").asInt()).isEqualTo(5);
        assertThat(copy(address).attributes().has("mbs")).isFalse();

        assertThat(update(mn, "cse-mn1/c", "CAdmin", "{\"m2m:cnt\":{\"lbl\":[\"floor/2\"],\"mni\":7}}").statusCode())
                .isEqualTo(ResponseStatusCode.UPDATED);
        await().atMost(WAIT).until(() -> copy(address).attributes().path("mni").asInt() == 7
                && copy(address).attributes().path("lbl").toString().contains("floor/2"));

        update(mn, "cse-mn1/c", "CAdmin", "{\"m2m:cnt\":{\"aa\":[\"mbs\"]}}");
        await().atMost(WAIT).until(() -> copy(address).attributes().path("mbs").asInt() == 100
                && !copy(address).attributes().has("mni"));
        assertThat(mnStore.getByPath("cse-mn1/c").orElseThrow().attributes().path("at").get(0).asText())
                .as("at still holds the copy's address").isEqualTo(address);
    }

    @Test
    void removing_the_target_from_at_or_deleting_the_original_removes_the_copy() {
        create(mn, "cse-mn1", "CAdmin", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"c\",\"at\":[\"/id-in\"]}}");
        String first = announcedAddress("cse-mn1/c");
        update(mn, "cse-mn1/c", "CAdmin", "{\"m2m:cnt\":{\"at\":[]}}");
        await().atMost(WAIT).until(() -> inStore.get(first.substring(7)).isEmpty());

        update(mn, "cse-mn1/c", "CAdmin", "{\"m2m:cnt\":{\"at\":[\"/id-in\"]}}");
        String second = announcedAddress("cse-mn1/c");
        assertThat(copy(second).type()).isEqualTo(ResourceType.CONTAINER_ANNC);
        update(mn, "cse-mn1/c", "CAdmin", "{\"m2m:cnt\":{\"at\":[\"/id-in\"],\"lbl\":[\"x\"]}}");
        await().atMost(WAIT).until(() -> copy(second).attributes().path("lbl").toString().contains("x"));
        assertThat(mnStore.getByPath("cse-mn1/c").orElseThrow().attributes().path("at").get(0).asText())
                .as("naming an announced target again keeps the copy's address").isEqualTo(second);

        assertThat(mn.send(request(Operation.DELETE, "cse-mn1/c", "CAdmin").build()).statusCode())
                .isEqualTo(ResponseStatusCode.DELETED);
        await().atMost(WAIT).until(() -> inStore.get(second.substring(7)).isEmpty());
    }

    @Test
    void the_in_cse_discovers_announced_resources_and_rcn_7_returns_the_original() {
        meter();
        create(mn, "cse-mn1/meter", "Cmeter", ResourceType.CONTAINER,
                "{\"m2m:cnt\":{\"rn\":\"power\",\"lbl\":[\"unit/W\"],\"at\":[\"/id-in\"]}}");
        String cntCopy = announcedAddress("cse-mn1/meter/power");

        FilterCriteria byType = new FilterCriteria(1, null, List.of(10003), null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
        Response discovery = in.send(request(Operation.RETRIEVE, "cse-in", "CAdmin").filterCriteria(byType).build());
        assertThat(discovery.content().path("m2m:uril").toString()).contains(copy(cntCopy).path());
        FilterCriteria byLabel = new FilterCriteria(1, null, List.of(), List.of("unit/W"), null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null);
        Response labelled = in.send(request(Operation.RETRIEVE, "cse-in", "CAdmin").filterCriteria(byLabel).build());
        assertThat(labelled.content().path("m2m:uril")).hasSize(1);

        Response original = in.send(request(Operation.RETRIEVE, cntCopy, "/id-mn1/Cmeter").resultContent(7).build());
        assertThat(original.statusCode()).as(dbg(original)).isEqualTo(ResponseStatusCode.OK);
        assertThat(original.content().path("m2m:cnt").path("rn").asText()).isEqualTo("power");
        assertThat(original.content().path("m2m:cnt").path("ty").asInt()).isEqualTo(3);

        Response notAnnounced = in.send(request(Operation.RETRIEVE, "cse-in/id-mn1", "CAdmin").resultContent(7).build());
        assertThat(notAnnounced.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(dbg(notAnnounced)).contains("only valid on an announced resource");
    }

    @Test
    void at_naming_an_unknown_cse_itself_or_a_type_never_announced_is_refused() {
        Response unknown = create(in, "cse-in", "CAdmin", ResourceType.CONTAINER,
                "{\"m2m:cnt\":{\"rn\":\"c\",\"at\":[\"/id-nowhere\"]}}");
        assertThat(unknown.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(dbg(unknown)).contains("/id-nowhere", "unknown");
        Response self = create(mn, "cse-mn1", "CAdmin", ResourceType.CONTAINER,
                "{\"m2m:cnt\":{\"rn\":\"c\",\"at\":[\"/id-mn1\"]}}");
        assertThat(self.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(dbg(self)).contains("this CSE itself");
        Response notCseId = create(mn, "cse-mn1", "CAdmin", ResourceType.CONTAINER,
                "{\"m2m:cnt\":{\"rn\":\"c\",\"at\":[\"id-in\"]}}");
        assertThat(notCseId.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(dbg(notCseId)).contains("not an SP-relative CSE-ID");
        Response subscription = create(mn, "cse-mn1", "CAdmin", ResourceType.SUBSCRIPTION,
                "{\"m2m:sub\":{\"rn\":\"s\",\"nu\":[\"mem://sink\"],\"at\":[\"/id-in\"]}}");
        assertThat(subscription.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(dbg(subscription)).contains("not announced");
        assertThat(mnStore.getByPath("cse-mn1/c")).as("nothing stored").isEmpty();
        assertThat(inStore.getByPath("cse-in/c")).isEmpty();
    }

    @Test
    void announcements_wait_for_the_lost_link_survive_a_restart_of_the_mn_and_catch_up_in_order() {
        attached.remove("mem://in"); // the IN-CSE is gone
        create(mn, "cse-mn1", "CAdmin", ResourceType.CONTAINER,
                "{\"m2m:cnt\":{\"rn\":\"c\",\"at\":[\"/id-in\"],\"aa\":[\"mni\"]}}");
        update(mn, "cse-mn1/c", "CAdmin", "{\"m2m:cnt\":{\"mni\":3}}");
        for (int i = 1; i <= 3; i++) {
            assertThat(create(mn, "cse-mn1/c", "CAdmin", ResourceType.CONTENT_INSTANCE, "{\"m2m:cin\":{\"rn\":\"i" + i
                    + "\",\"con\":\"" + i + "\",\"at\":[\"/id-in\"]}}").statusCode())
                    .as("the MN keeps serving its AEs").isEqualTo(ResponseStatusCode.CREATED);
        }
        await().atMost(WAIT).until(() -> announcement.pending() == 5);
        assertThat(mnStore.children("id-mn1", ResourceType.REQUEST, 0, 100)).as("queued in the MN's store")
                .hasSize(5);

        registrar.close();
        mn.close(); // the MN restarts on the same store while the IN is still away
        announcement = extension();
        mn = node(mnConfig, mnStore, announcement);
        registrar = new CseRegistrar(registrar.config(), mnConfig, mn, mnStore, List.of(network));
        registrar.start();
        assertThat(announcement.pending()).isEqualTo(5);

        attached.put("mem://in", in); // the IN-CSE is back
        String address = announcedAddress("cse-mn1/c");
        await().atMost(WAIT).until(() -> announcement.pending() == 0);
        Resource copy = copy(address);
        assertThat(copy.attributes().path("mni").asInt()).as("the update came after the create").isEqualTo(3);
        List<Resource> instances = inStore.children(copy.ri(), ResourceType.CONTENT_INSTANCE_ANNC, 0, 10);
        assertThat(instances).extracting(Resource::rn).hasSize(3);
        assertThat(instances).extracting(r -> r.attributes().path("lnk").asText()).containsExactly(
                "/id-mn1/" + mnStore.getByPath("cse-mn1/c/i1").orElseThrow().ri(),
                "/id-mn1/" + mnStore.getByPath("cse-mn1/c/i2").orElseThrow().ri(),
                "/id-mn1/" + mnStore.getByPath("cse-mn1/c/i3").orElseThrow().ri());
        assertThat(mnStore.children("id-mn1", ResourceType.REQUEST, 0, 100)).isEmpty();
    }

    @Test
    void an_in_cse_that_lost_its_data_gets_the_copies_again_when_the_mn_registers_anew() {
        meter();
        create(mn, "cse-mn1/meter", "Cmeter", ResourceType.CONTAINER,
                "{\"m2m:cnt\":{\"rn\":\"power\",\"at\":[\"/id-in\"]}}");
        String before = announcedAddress("cse-mn1/meter/power");

        in.close(); // the IN-CSE comes back without its data
        inStore = new InMemoryResourceStore();
        in = node(inConfig, inStore, extension());
        registrar.refreshNow();

        await().atMost(WAIT).until(() -> inStore.getByPath("cse-in/id-mn1").isPresent());
        await().atMost(WAIT).until(() -> {
            String at = mnStore.getByPath("cse-mn1/meter/power").orElseThrow().attributes().path("at").get(0).asText();
            return at.startsWith("/id-in/") && !at.equals(before) && inStore.get(at.substring(7)).isPresent();
        });
        String cntCopy = mnStore.getByPath("cse-mn1/meter/power").orElseThrow().attributes().path("at").get(0).asText();
        String aeCopy = mnStore.getByPath("cse-mn1/meter").orElseThrow().attributes().path("at").get(0).asText();
        assertThat(copy(cntCopy).pi()).as("parents are announced first").isEqualTo(copy(aeCopy).ri());
    }
}
