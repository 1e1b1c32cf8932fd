package org.oneedge.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oneedge.model.ResourceType.AE;
import static org.oneedge.model.ResourceType.CONTAINER;
import static org.oneedge.model.ResourceType.CONTENT_INSTANCE;
import static org.oneedge.model.ResourceType.SUBSCRIPTION;
import static org.oneedge.testkit.store.StoreFixtures.at;
import static org.oneedge.testkit.store.StoreFixtures.child;
import static org.oneedge.testkit.store.StoreFixtures.cseBase;
import static org.oneedge.testkit.store.StoreFixtures.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.cse.store.StoreConflictException;
import org.oneedge.cse.store.Write;
import org.oneedge.model.ResourceType;

/**
 * The behaviour every {@link ResourceStore} promises in its Javadoc, as one suite that each backend's test extends
 * (in-memory, H2, PostgreSQL), so the engine can rely on the same semantics whichever store a node runs on.
 *
 * <pre>{@code
 * class H2MemoryResourceStoreTest extends ResourceStoreContract {
 *     protected ResourceStore newStore() { return JdbcResourceStore.h2Memory("t" + UUID.randomUUID()); }
 * }
 * }</pre>
 *
 * <p>Each test gets a fresh, empty store from {@link #newStore()} and closes it afterwards. The randomised
 * histories of {@link ResourceStoreProperties} complete the suite.
 */
public abstract class ResourceStoreContract {

    /** A fresh, empty store; called once per test. The test closes it. */
    protected abstract ResourceStore newStore();

    protected ResourceStore store;

    private final Resource cb = cseBase("id-in", "cse-in");

    @BeforeEach
    void openStore() {
        store = newStore();
        store.apply(new Write.Create(cb));
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    // ---------------------------------------------------------------- create, get

    @Test
    void creates_a_resource_readable_by_ri_and_by_path() {
        Resource ae = child(cb, "CAE1", AE, "AE1", at(1));

        store.apply(new Write.Create(ae));

        assertThat(store.get("CAE1")).contains(ae);
        assertThat(store.getByPath("cse-in/AE1")).contains(ae);
        assertThat(store.get("id-in")).contains(cb);
        assertThat(store.getByPath("cse-in")).contains(cb);
    }

    @Test
    void finds_nothing_for_unknown_ri_or_path() {
        assertThat(store.get("nope")).isEmpty();
        assertThat(store.getByPath("cse-in/nope")).isEmpty();
        assertThat(store.getByPath("cse-in/")).isEmpty();
        assertThat(store.getByPath("")).isEmpty();
    }

    @Test
    void refuses_a_duplicate_ri_and_changes_nothing() {
        Resource ae = child(cb, "CAE1", AE, "AE1", at(1));
        store.apply(new Write.Create(ae));

        Resource sameRi = child(cb, "CAE1", AE, "other", at(2));
        assertThatThrownBy(() -> store.apply(new Write.Create(sameRi))).isInstanceOf(StoreConflictException.class);

        assertThat(store.get("CAE1")).contains(ae);
        assertThat(store.getByPath("cse-in/other")).isEmpty();
        assertThat(store.children("id-in", null, 0, Integer.MAX_VALUE)).containsExactly(ae);
    }

    @Test
    void refuses_a_duplicate_sibling_name_and_changes_nothing() {
        Resource ae = child(cb, "CAE1", AE, "AE1", at(1));
        store.apply(new Write.Create(ae));

        Resource sameName = child(cb, "CAE2", AE, "AE1", at(2));
        assertThatThrownBy(() -> store.apply(new Write.Create(sameName))).isInstanceOf(StoreConflictException.class);

        assertThat(store.get("CAE2")).isEmpty();
        assertThat(store.getByPath("cse-in/AE1")).contains(ae);
        assertThat(store.countChildren("id-in", null)).isEqualTo(1);
    }

    @Test
    void allows_the_same_name_under_different_parents() {
        Resource ae1 = child(cb, "CAE1", AE, "AE1", at(1));
        Resource ae2 = child(cb, "CAE2", AE, "AE2", at(2));
        Resource cnt1 = child(ae1, "cnt1", CONTAINER, "data", at(3));
        Resource cnt2 = child(ae2, "cnt2", CONTAINER, "data", at(4));

        store.apply(List.of(new Write.Create(ae1), new Write.Create(ae2), new Write.Create(cnt1), new Write.Create(cnt2)));

        assertThat(store.getByPath("cse-in/AE1/data")).contains(cnt1);
        assertThat(store.getByPath("cse-in/AE2/data")).contains(cnt2);
    }

    // ---------------------------------------------------------------- batches are all or nothing

    @Test
    void a_batch_fails_whole_when_a_later_create_conflicts() {
        Resource ae = child(cb, "CAE1", AE, "AE1", at(1));
        store.apply(new Write.Create(ae));

        Resource fresh = child(cb, "CAE2", AE, "AE2", at(2));
        Resource clash = child(cb, "CAE3", AE, "AE1", at(3));
        assertThatThrownBy(() -> store.apply(List.of(new Write.Create(fresh), new Write.Create(clash))))
                .isInstanceOf(StoreConflictException.class);

        assertThat(store.get("CAE2")).isEmpty();
        assertThat(store.getByPath("cse-in/AE2")).isEmpty();
        assertThat(store.get("CAE3")).isEmpty();
        assertThat(store.children("id-in", null, 0, Integer.MAX_VALUE)).containsExactly(ae);
    }

    @Test
    void a_batch_fails_whole_when_it_updates_a_missing_resource() {
        Resource ae = child(cb, "CAE1", AE, "AE1", at(1));
        store.apply(new Write.Create(ae));

        Resource changed = withAttributes(ae, json("{\"lbl\":[\"changed\"]}"));
        Resource fresh = child(cb, "CAE2", AE, "AE2", at(2));
        Resource ghost = child(cb, "ghost", AE, "ghost", at(3));
        assertThatThrownBy(() -> store.apply(List.of(
                        new Write.Update(changed), new Write.Create(fresh), new Write.Update(ghost))))
                .isInstanceOf(StoreConflictException.class);

        assertThat(store.get("CAE1")).contains(ae);
        assertThat(store.get("CAE2")).isEmpty();
        assertThat(store.get("ghost")).isEmpty();
    }

    @Test
    void a_batch_fails_whole_when_a_delete_precedes_a_conflict() {
        Resource ae = child(cb, "CAE1", AE, "AE1", at(1));
        Resource cnt = child(ae, "cnt1", CONTAINER, "cnt", at(2));
        store.apply(List.of(new Write.Create(ae), new Write.Create(cnt)));

        assertThatThrownBy(() -> store.apply(List.of(
                        new Write.Delete("CAE1"), new Write.Create(child(cb, "id-in", AE, "x", at(3))))))
                .isInstanceOf(StoreConflictException.class);

        assertThat(store.get("CAE1")).contains(ae);
        assertThat(store.get("cnt1")).contains(cnt);
        assertThat(store.getByPath("cse-in/AE1/cnt")).contains(cnt);
    }

    @Test
    void refuses_an_update_of_a_missing_resource() {
        Resource ghost = child(cb, "ghost", AE, "ghost", at(1));

        assertThatThrownBy(() -> store.apply(new Write.Update(ghost))).isInstanceOf(StoreConflictException.class);

        assertThat(store.get("ghost")).isEmpty();
        assertThat(store.getByPath("cse-in/ghost")).isEmpty();
    }

    @Test
    void applies_a_batch_in_order_so_a_later_write_sees_an_earlier_one() {
        Resource cnt = child(cb, "cnt1", CONTAINER, "cnt", at(1));
        Resource cin = child(cnt, "cin1", CONTENT_INSTANCE, "cin", at(2));
        Resource cntWithOne = withAttributes(cnt, json("{\"cni\":1,\"cbs\":2}"));

        store.apply(List.of(new Write.Create(cnt), new Write.Create(cin), new Write.Update(cntWithOne)));

        assertThat(store.get("cnt1")).contains(cntWithOne);
        assertThat(store.latestChild("cnt1", CONTENT_INSTANCE)).contains(cin);
    }

    @Test
    void a_batch_may_delete_a_resource_and_reuse_its_name() {
        Resource old = child(cb, "old", AE, "AE1", at(1));
        store.apply(new Write.Create(old));

        Resource replacement = child(cb, "new", AE, "AE1", at(2));
        store.apply(List.of(new Write.Delete("old"), new Write.Create(replacement)));

        assertThat(store.get("old")).isEmpty();
        assertThat(store.getByPath("cse-in/AE1")).contains(replacement);
    }

    // ---------------------------------------------------------------- update

    @Test
    void an_update_replaces_times_and_attributes() {
        Resource cnt = child(cb, "cnt1", CONTAINER, "cnt", at(1));
        store.apply(new Write.Create(cnt));

        Resource updated = new Resource("cnt1", "id-in", CONTAINER, "cnt", "cse-in/cnt", at(1), at(50), at(100),
                json("{\"mni\":5,\"lbl\":[\"a\",\"b\"]}"));
        store.apply(new Write.Update(updated));

        assertThat(store.get("cnt1")).contains(updated);
        assertThat(store.getByPath("cse-in/cnt")).contains(updated);
        assertThat(store.expiredBefore(at(101), 10)).containsExactly(updated);
        assertThat(store.children("id-in", CONTAINER, 0, 10)).containsExactly(updated);
    }

    // ---------------------------------------------------------------- delete

    @Test
    void a_delete_removes_the_whole_subtree() {
        Resource ae = child(cb, "CAE1", AE, "AE1", at(1));
        Resource cnt = child(ae, "cnt1", CONTAINER, "cnt", at(2));
        Resource sub = expiring(child(cnt, "sub1", SUBSCRIPTION, "sub", at(3)), at(1_000));
        Resource cin = child(cnt, "cin1", CONTENT_INSTANCE, "cin", at(4));
        Resource inner = child(cnt, "cnt2", CONTAINER, "inner", at(5));
        Resource deep = child(inner, "cin2", CONTENT_INSTANCE, "deep", at(6));
        Resource other = child(cb, "CAE2", AE, "AE2", at(7));
        store.apply(List.of(new Write.Create(ae), new Write.Create(cnt), new Write.Create(sub), new Write.Create(cin),
                new Write.Create(inner), new Write.Create(deep), new Write.Create(other)));

        store.apply(new Write.Delete("CAE1"));

        for (String ri : List.of("CAE1", "cnt1", "sub1", "cin1", "cnt2", "cin2")) {
            assertThat(store.get(ri)).as(ri).isEmpty();
        }
        for (String path : List.of("cse-in/AE1", "cse-in/AE1/cnt", "cse-in/AE1/cnt/sub", "cse-in/AE1/cnt/inner/deep")) {
            assertThat(store.getByPath(path)).as(path).isEmpty();
        }
        assertThat(store.children("id-in", null, 0, Integer.MAX_VALUE)).containsExactly(other);
        assertThat(store.children("cnt1", null, 0, Integer.MAX_VALUE)).isEmpty();
        assertThat(store.descendants("cse-in", 0, Set.of())).containsExactly(other);
        assertThat(store.expiredBefore(Instant.MAX, 10)).isEmpty();
        assertThat(store.latestChild("cnt1", CONTENT_INSTANCE)).isEmpty();
    }

    @Test
    void a_delete_spares_siblings_whose_names_start_alike() {
        Resource a = child(cb, "ra", AE, "a", at(1));
        Resource ab = child(cb, "rab", AE, "ab", at(2));
        Resource underAb = child(ab, "rab1", CONTAINER, "x", at(3));
        Resource aUnderscore = child(cb, "ra_", AE, "a_", at(4));
        store.apply(List.of(new Write.Create(a), new Write.Create(ab), new Write.Create(underAb),
                new Write.Create(aUnderscore)));

        store.apply(new Write.Delete("ra"));

        assertThat(store.get("rab")).contains(ab);
        assertThat(store.get("rab1")).contains(underAb);
        assertThat(store.get("ra_")).contains(aUnderscore);
    }

    @Test
    void a_delete_of_a_missing_resource_is_not_an_error() {
        store.apply(new Write.Delete("nope"));

        assertThat(store.get("id-in")).contains(cb);
    }

    // ---------------------------------------------------------------- children

    @Test
    void lists_children_by_creation_time_then_ri() {
        Resource cnt = child(cb, "cnt1", CONTAINER, "cnt", at(1));
        store.apply(new Write.Create(cnt));
        Resource c1 = child(cnt, "b", CONTENT_INSTANCE, "n1", at(10));
        Resource c2 = child(cnt, "a", CONTENT_INSTANCE, "n2", at(20));
        Resource c3 = child(cnt, "c", CONTENT_INSTANCE, "n3", at(20));
        Resource c4 = child(cnt, "0", SUBSCRIPTION, "n4", at(30));
        for (Resource r : List.of(c4, c3, c1, c2)) {
            store.apply(new Write.Create(r));
        }

        assertThat(store.children("cnt1", null, 0, Integer.MAX_VALUE)).containsExactly(c1, c2, c3, c4);
    }

    @Test
    void filters_children_by_type_with_offset_and_limit() {
        Resource cnt = child(cb, "cnt1", CONTAINER, "cnt", at(1));
        store.apply(new Write.Create(cnt));
        List<Resource> cins = new ArrayList<>();
        List<Write> writes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Resource cin = child(cnt, "cin" + i, CONTENT_INSTANCE, "cin" + i, at(10 + 2 * i));
            Resource sub = child(cnt, "sub" + i, SUBSCRIPTION, "sub" + i, at(11 + 2 * i));
            cins.add(cin);
            writes.add(new Write.Create(cin));
            writes.add(new Write.Create(sub));
        }
        store.apply(writes);

        assertThat(store.children("cnt1", CONTENT_INSTANCE, 0, Integer.MAX_VALUE)).containsExactlyElementsOf(cins);
        assertThat(store.children("cnt1", CONTENT_INSTANCE, 3, 4)).containsExactlyElementsOf(cins.subList(3, 7));
        assertThat(store.children("cnt1", CONTENT_INSTANCE, 8, 100)).containsExactlyElementsOf(cins.subList(8, 10));
        assertThat(store.children("cnt1", CONTENT_INSTANCE, 10, 100)).isEmpty();
        assertThat(store.children("cnt1", CONTENT_INSTANCE, 0, 0)).isEmpty();
        assertThat(store.children("cnt1", null, 1, 2)).extracting(Resource::ri).containsExactly("sub0", "cin1");
        assertThat(store.children("cnt1", AE, 0, 10)).isEmpty();
        assertThat(store.children("unknown", null, 0, 10)).isEmpty();
    }

    @Test
    void counts_children_in_total_and_by_type() {
        Resource cnt = child(cb, "cnt1", CONTAINER, "cnt", at(1));
        store.apply(new Write.Create(cnt));
        List<Write> writes = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            writes.add(new Write.Create(child(cnt, "cin" + i, CONTENT_INSTANCE, "cin" + i, at(10 + i))));
        }
        writes.add(new Write.Create(child(cnt, "sub", SUBSCRIPTION, "sub", at(20))));
        store.apply(writes);

        assertThat(store.countChildren("cnt1", null)).isEqualTo(8);
        assertThat(store.countChildren("cnt1", CONTENT_INSTANCE)).isEqualTo(7);
        assertThat(store.countChildren("cnt1", SUBSCRIPTION)).isEqualTo(1);
        assertThat(store.countChildren("cnt1", AE)).isZero();
        assertThat(store.countChildren("unknown", null)).isZero();
        assertThat(store.countChildren("id-in", null)).isEqualTo(1);
    }

    @Test
    void finds_oldest_and_latest_child_of_a_type_among_interleaved_types() {
        Resource cnt = child(cb, "cnt1", CONTAINER, "cnt", at(1));
        Resource sub0 = child(cnt, "sub0", SUBSCRIPTION, "sub0", at(5));
        Resource cin1 = child(cnt, "cin1", CONTENT_INSTANCE, "cin1", at(10));
        Resource sub1 = child(cnt, "sub1", SUBSCRIPTION, "sub1", at(15));
        Resource cin2 = child(cnt, "cin2", CONTENT_INSTANCE, "cin2", at(20));
        Resource cin3 = child(cnt, "cin3", CONTENT_INSTANCE, "cin3", at(30));
        Resource sub2 = child(cnt, "sub2", SUBSCRIPTION, "sub2", at(40));
        store.apply(List.of(new Write.Create(cnt), new Write.Create(sub0), new Write.Create(cin1),
                new Write.Create(sub1), new Write.Create(cin2), new Write.Create(cin3), new Write.Create(sub2)));

        assertThat(store.oldestChild("cnt1", CONTENT_INSTANCE)).contains(cin1);
        assertThat(store.latestChild("cnt1", CONTENT_INSTANCE)).contains(cin3);
        assertThat(store.oldestChild("cnt1", SUBSCRIPTION)).contains(sub0);
        assertThat(store.latestChild("cnt1", SUBSCRIPTION)).contains(sub2);

        store.apply(List.of(new Write.Delete("cin3"), new Write.Delete("cin1")));

        assertThat(store.oldestChild("cnt1", CONTENT_INSTANCE)).contains(cin2);
        assertThat(store.latestChild("cnt1", CONTENT_INSTANCE)).contains(cin2);
    }

    @Test
    void breaks_creation_time_ties_by_ri_for_oldest_and_latest() {
        Resource cnt = child(cb, "cnt1", CONTAINER, "cnt", at(1));
        Resource m = child(cnt, "m", CONTENT_INSTANCE, "m", at(10));
        Resource z = child(cnt, "z", CONTENT_INSTANCE, "z", at(10));
        Resource a = child(cnt, "a", CONTENT_INSTANCE, "a", at(10));
        store.apply(List.of(new Write.Create(cnt), new Write.Create(m), new Write.Create(z), new Write.Create(a)));

        assertThat(store.oldestChild("cnt1", CONTENT_INSTANCE)).contains(a);
        assertThat(store.latestChild("cnt1", CONTENT_INSTANCE)).contains(z);
    }

    @Test
    void has_no_oldest_or_latest_child_without_children_of_the_type() {
        Resource cnt = child(cb, "cnt1", CONTAINER, "cnt", at(1));
        store.apply(List.of(new Write.Create(cnt), new Write.Create(child(cnt, "sub", SUBSCRIPTION, "sub", at(2)))));

        assertThat(store.oldestChild("cnt1", CONTENT_INSTANCE)).isEmpty();
        assertThat(store.latestChild("cnt1", CONTENT_INSTANCE)).isEmpty();
        assertThat(store.latestChild("unknown", CONTENT_INSTANCE)).isEmpty();
    }

    // ---------------------------------------------------------------- descendants

    @Test
    void lists_descendants_oldest_first_with_level_limit_and_type_filter() {
        Resource ae = child(cb, "CAE1", AE, "AE1", at(1));
        Resource cnt = child(ae, "cnt1", CONTAINER, "cnt", at(2));
        Resource inner = child(cnt, "cnt2", CONTAINER, "inner", at(3));
        Resource cinDeep = child(inner, "cin2", CONTENT_INSTANCE, "deep", at(4));
        Resource cin = child(cnt, "cin1", CONTENT_INSTANCE, "cin", at(5));
        Resource sub = child(ae, "sub1", SUBSCRIPTION, "sub", at(6));
        Resource otherAe = child(cb, "CAE2", AE, "AE2", at(7));
        Resource otherCnt = child(otherAe, "cnt9", CONTAINER, "cnt", at(8));
        store.apply(List.of(new Write.Create(ae), new Write.Create(cnt), new Write.Create(inner),
                new Write.Create(cinDeep), new Write.Create(cin), new Write.Create(sub), new Write.Create(otherAe),
                new Write.Create(otherCnt)));

        assertThat(store.descendants("cse-in/AE1", 0, Set.of())).containsExactly(cnt, inner, cinDeep, cin, sub);
        assertThat(store.descendants("cse-in/AE1", 1, Set.of())).containsExactly(cnt, sub);
        assertThat(store.descendants("cse-in/AE1", 2, Set.of())).containsExactly(cnt, inner, cin, sub);
        assertThat(store.descendants("cse-in/AE1", 0, Set.of(CONTENT_INSTANCE))).containsExactly(cinDeep, cin);
        assertThat(store.descendants("cse-in/AE1", 2, Set.of(CONTENT_INSTANCE, SUBSCRIPTION)))
                .containsExactly(cin, sub);
        assertThat(store.descendants("cse-in", 1, Set.of())).containsExactly(ae, otherAe);
        assertThat(store.descendants("cse-in", 0, Set.of(CONTAINER))).containsExactly(cnt, inner, otherCnt);
        assertThat(store.descendants("cse-in/AE1/cnt/inner/deep", 0, Set.of())).isEmpty();
        assertThat(store.descendants("cse-in/nope", 0, Set.of())).isEmpty();
    }

    @Test
    void descendants_do_not_leak_into_siblings_through_sql_wildcards() {
        List<Write> writes = new ArrayList<>();
        String[] names = {"a_c", "abc", "a%", "ab", "a", "a\\", "a\\b", "aXc"};
        for (int i = 0; i < names.length; i++) {
            Resource ae = child(cb, "ae" + i, AE, names[i], at(10 * i + 1));
            writes.add(new Write.Create(ae));
            writes.add(new Write.Create(child(ae, "cnt" + i, CONTAINER, "cnt", at(10 * i + 2))));
        }
        store.apply(writes);

        for (int i = 0; i < names.length; i++) {
            assertThat(store.descendants("cse-in/" + names[i], 0, Set.of()))
                    .as("descendants of %s", names[i])
                    .extracting(Resource::ri)
                    .containsExactly("cnt" + i);
        }
    }

    // ---------------------------------------------------------------- expiry

    @Test
    void lists_expired_resources_soonest_first_with_a_strict_bound_and_limit() {
        Resource cnt = child(cb, "cnt1", CONTAINER, "cnt", at(1));
        Resource e30 = expiring(child(cnt, "e30", CONTENT_INSTANCE, "e30", at(2)), at(30));
        Resource e10 = expiring(child(cnt, "e10", CONTENT_INSTANCE, "e10", at(3)), at(10));
        Resource e20 = expiring(child(cnt, "e20", SUBSCRIPTION, "e20", at(4)), at(20));
        Resource e40 = expiring(child(cnt, "e40", CONTENT_INSTANCE, "e40", at(5)), at(40));
        Resource never = child(cnt, "never", CONTENT_INSTANCE, "never", at(6));
        store.apply(List.of(new Write.Create(cnt), new Write.Create(e30), new Write.Create(e10), new Write.Create(e20),
                new Write.Create(e40), new Write.Create(never)));

        assertThat(store.expiredBefore(at(40), 100)).containsExactly(e10, e20, e30);
        assertThat(store.expiredBefore(at(41), 2)).containsExactly(e10, e20);
        assertThat(store.expiredBefore(at(10), 100)).isEmpty();
        assertThat(store.expiredBefore(Instant.MAX, 100)).containsExactly(e10, e20, e30, e40);
    }

    // ---------------------------------------------------------------- values round trip

    @Test
    void keeps_attributes_exactly_as_given() {
        String big = "x".repeat(50_000) + "é€😀" + "y".repeat(50_000);
        ObjectNode attributes = json("""
                {"rn":"cin","ty":4,"lbl":["a","b c","ü"],"cnf":"text/plain:0","cs":123,
                 "con":{"nested":{"deeper":[1,2.5,-3,1e300,9007199254740993,true,false,null,{}]},"empty":[],
                        "quote\\"d":"back\\\\slash","ctl":"tab\\tnew\\nline\\u0001"},
                 "unicode":"日本語 ñ Ω 😀 \\u00e9 e\\u0301","zzz":"","aaa":0}""");
        attributes.put("big", big);
        Resource cin = new Resource("cin1", "id-in", CONTENT_INSTANCE, "cin", "cse-in/cin", at(1), at(1), null,
                attributes);

        store.apply(new Write.Create(cin));

        Resource read = store.get("cin1").orElseThrow();
        assertThat(read.attributes()).isEqualTo(attributes);
        assertThat(read.attributes().toString()).isEqualTo(attributes.toString());
        assertThat(read.attributes().get("big").asText()).hasSize(100_004);
    }

    @Test
    void keeps_instants_to_the_microsecond() {
        Instant ct = Instant.parse("2026-03-04T05:06:07.123456Z");
        Instant lt = Instant.parse("1999-12-31T23:59:59.999999Z");
        Instant et = Instant.parse("9999-12-31T23:59:59.000001Z");
        Resource ae = new Resource("CAE1", "id-in", AE, "AE1", "cse-in/AE1", ct, lt, et, json("{\"api\":\"Nx\"}"));

        store.apply(new Write.Create(ae));

        Resource read = store.get("CAE1").orElseThrow();
        assertThat(read.createdAt()).isEqualTo(ct);
        assertThat(read.modifiedAt()).isEqualTo(lt);
        assertThat(read.expiresAt()).isEqualTo(et);
        assertThat(read).isEqualTo(ae);
        assertThat(store.get("id-in").orElseThrow().expiresAt()).isNull();
    }

    @Test
    void keeps_unusual_identifiers_and_types() {
        Resource odd = new Resource("ri with spaces/ü'\"%_", "id-in", ResourceType.FLEX_CONTAINER_INSTANCE_ANNC,
                "name 'with' \"quotes\" ü", "cse-in/name 'with' \"quotes\" ü", at(1), at(2), null, json("{}"));

        store.apply(new Write.Create(odd));

        assertThat(store.get("ri with spaces/ü'\"%_")).contains(odd);
        assertThat(store.getByPath("cse-in/name 'with' \"quotes\" ü")).contains(odd);
        assertThat(store.children("id-in", ResourceType.FLEX_CONTAINER_INSTANCE_ANNC, 0, 1)).containsExactly(odd);
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void readers_see_consistent_states_while_a_writer_appends() throws Exception {
        Resource cnt = child(cb, "cnt1", CONTAINER, "cnt", at(1));
        store.apply(new Write.Create(cnt));
        int total = 100;
        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> readUntilDone(done, violations)));
            }
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int i = 1; i <= total; i++) {
                        Resource cin = child(cnt, String.format("cin%04d", i), CONTENT_INSTANCE, "cin" + i, at(10 + i));
                        Resource counted = withAttributes(cnt, json("{\"cni\":" + i + "}"));
                        store.apply(List.of(new Write.Create(cin), new Write.Update(counted)));
                    }
                } finally {
                    done.set(true);
                }
            });
            writer.get(60, TimeUnit.SECONDS);
            int reads = 0;
            for (Future<Integer> reader : readers) {
                reads += reader.get(60, TimeUnit.SECONDS);
            }
            assertThat(reads).isPositive();
        } finally {
            pool.shutdownNow();
        }

        assertThat(violations).isEmpty();
        assertThat(store.countChildren("cnt1", CONTENT_INSTANCE)).isEqualTo(total);
        assertThat(store.latestChild("cnt1", CONTENT_INSTANCE)).get().extracting(Resource::ri).isEqualTo("cin0100");
        assertThat(store.get("cnt1").orElseThrow().attributes().get("cni").asInt()).isEqualTo(total);
    }

    private int readUntilDone(AtomicBoolean done, ConcurrentLinkedQueue<String> violations) {
        int reads = 0;
        int lastCni = 0;
        String lastLatest = "";
        long lastCount = 0;
        boolean finalRound = false;
        while (!finalRound) {
            finalRound = done.get();
            int cni = store.get("cnt1").orElseThrow().attributes().path("cni").asInt(0);
            String latest = store.latestChild("cnt1", CONTENT_INSTANCE).map(Resource::ri).orElse("");
            long count = store.countChildren("cnt1", CONTENT_INSTANCE);
            List<Resource> page = store.children("cnt1", CONTENT_INSTANCE, 0, 20);
            if (cni < lastCni || latest.compareTo(lastLatest) < 0 || count < lastCount) {
                violations.add("went backwards: cni " + lastCni + "->" + cni + ", la " + lastLatest + "->" + latest
                        + ", count " + lastCount + "->" + count);
            }
            if (count < cni) {
                violations.add("read cni " + cni + " before its " + cni + " instances were visible (" + count + ")");
            }
            for (int i = 1; i < page.size(); i++) {
                if (page.get(i - 1).ri().compareTo(page.get(i).ri()) >= 0) {
                    violations.add("children out of order: " + page.get(i - 1).ri() + ", " + page.get(i).ri());
                }
            }
            lastCni = cni;
            lastLatest = latest;
            lastCount = count;
            reads++;
        }
        return reads;
    }

    @Test
    void concurrent_batches_succeed_or_fail_independently() throws Exception {
        int threads = 8;
        int perThread = 20;
        List<Write> parents = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            parents.add(new Write.Create(child(cb, "cnt" + t, CONTAINER, "cnt" + t, at(t + 1))));
        }
        store.apply(parents);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> conflicts = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                conflicts.add(pool.submit(() -> {
                    Resource parent = store.get("cnt" + thread).orElseThrow();
                    start.await();
                    int refused = 0;
                    for (int i = 0; i < perThread; i++) {
                        // every 4th batch repeats the previous name: it must fail alone, with nothing of it stored
                        int name = i % 4 == 3 ? i - 1 : i;
                        Resource cin = child(parent, "t" + thread + "i" + i, CONTENT_INSTANCE, "n" + name,
                                at(1_000 + thread * 1_000 + i));
                        Resource counted = withAttributes(parent, json("{\"last\":" + i + "}"));
                        try {
                            store.apply(List.of(new Write.Update(counted), new Write.Create(cin)));
                        } catch (StoreConflictException expected) {
                            refused++;
                        }
                    }
                    return refused;
                }));
            }
            start.countDown();
            for (Future<Integer> refused : conflicts) {
                assertThat(refused.get(60, TimeUnit.SECONDS)).isEqualTo(perThread / 4);
            }
        } finally {
            pool.shutdownNow();
        }

        for (int t = 0; t < threads; t++) {
            assertThat(store.countChildren("cnt" + t, CONTENT_INSTANCE)).isEqualTo(perThread - perThread / 4);
            assertThat(store.get("t" + t + "i3")).isEmpty();
            assertThat(store.get("cnt" + t).orElseThrow().attributes().get("last").asInt()).isEqualTo(perThread - 2);
        }
    }

    // ---------------------------------------------------------------- helpers

    protected static Resource withAttributes(Resource r, ObjectNode attributes) {
        return new Resource(r.ri(), r.pi(), r.type(), r.rn(), r.path(), r.createdAt(), r.modifiedAt(), r.expiresAt(),
                attributes);
    }

    protected static Resource expiring(Resource r, Instant et) {
        return new Resource(r.ri(), r.pi(), r.type(), r.rn(), r.path(), r.createdAt(), r.modifiedAt(), et,
                r.attributes());
    }

    /** Creates {@code count} children quickly (in batches), for tests and benchmarks that need big containers. */
    protected static List<Resource> createChildren(ResourceStore store, Resource parent, ResourceType type, int count) {
        List<Resource> created = new ArrayList<>(count);
        List<Write> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Resource r = child(parent, parent.ri() + "-" + i, type, "n" + i, at(1_000 + i));
            created.add(r);
            batch.add(new Write.Create(r));
            if (batch.size() == 500 || i == count - 1) {
                store.apply(batch);
                batch.clear();
            }
        }
        return Collections.unmodifiableList(created);
    }
}
