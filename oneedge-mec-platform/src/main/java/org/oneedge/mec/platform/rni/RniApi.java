package org.oneedge.mec.platform.rni;

import com.fasterxml.jackson.databind.JsonNode;
import org.oneedge.mec.api.common.ExpiryNotification;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.common.TimeStamp;
import org.oneedge.mec.api.rni.AssociateId;
import org.oneedge.mec.api.rni.CellChangeNotification;
import org.oneedge.mec.api.rni.CellChangeSubscription;
import org.oneedge.mec.api.rni.Ecgi;
import org.oneedge.mec.api.rni.EutranNeighbourCellMeasInfo;
import org.oneedge.mec.api.rni.FilterCriteriaAssocHo;
import org.oneedge.mec.api.rni.FilterCriteriaAssocTri;
import org.oneedge.mec.api.rni.HoStatus;
import org.oneedge.mec.api.rni.L2Meas;
import org.oneedge.mec.api.rni.MeasRepUeNotification;
import org.oneedge.mec.api.rni.MeasRepUeSubscription;
import org.oneedge.mec.api.rni.FilterCriteriaAssoc;
import org.oneedge.mec.api.rni.FilterCriteriaNrMrs;
import org.oneedge.mec.api.rni.MeasTaNotification;
import org.oneedge.mec.api.rni.MeasTaSubscription;
import org.oneedge.mec.api.rni.FilterCriteriaQci;
import org.oneedge.mec.api.rni.FilterCriteriaQciErab;
import org.oneedge.mec.api.rni.NewRadioMeasNeiInfo;
import org.oneedge.mec.api.rni.NrMeasRepUeNotification;
import org.oneedge.mec.api.rni.NrMeasRepUeSubscription;
import org.oneedge.mec.api.rni.Nrcgi;
import org.oneedge.mec.api.rni.RabEstNotification;
import org.oneedge.mec.api.rni.RabEstSubscription;
import org.oneedge.mec.api.rni.RabRelNotification;
import org.oneedge.mec.api.rni.RabRelSubscription;
import org.oneedge.mec.api.rni.RabModNotification;
import org.oneedge.mec.api.rni.RabModSubscription;
import org.oneedge.mec.api.rni.CaReconfNotification;
import org.oneedge.mec.api.rni.CaReconfSubscription;
import org.oneedge.mec.api.rni.S1BearerEvent;
import org.oneedge.mec.api.rni.S1BearerInfo;
import org.oneedge.mec.api.rni.S1BearerNotification;
import org.oneedge.mec.api.rni.S1BearerSubscription;
import org.oneedge.mec.api.rni.S1BearerSubscriptionCriteria;
import org.oneedge.mec.api.rni.TriggerNr;
import org.oneedge.mec.api.rni.WebsockNotifConfig;
import org.oneedge.mec.platform.http.NotificationTarget;
import org.oneedge.mec.api.rni.Plmn;
import org.oneedge.mec.api.rni.PlmnInfo;
import org.oneedge.mec.api.rni.RabInfo;
import org.oneedge.mec.api.rni.RniSubscription;
import org.oneedge.mec.api.rni.SelfLinks;
import org.oneedge.mec.api.rni.SubscriptionLinkList;
import org.oneedge.mec.api.rni.Trigger;
import org.oneedge.mec.platform.MecApi;
import org.oneedge.mec.platform.MecPlatformContext;
import org.oneedge.mec.platform.MecServiceDescription;
import org.oneedge.mec.platform.SubscriptionRegistry;
import org.oneedge.mec.platform.emulator.AccessPointType;
import org.oneedge.mec.platform.emulator.BearerQos;
import org.oneedge.mec.platform.emulator.CellMeasurement;
import org.oneedge.mec.platform.emulator.EmulatedAccessPoint;
import org.oneedge.mec.platform.emulator.Emulator;
import org.oneedge.mec.platform.emulator.EmulatorEvent;
import org.oneedge.mec.platform.emulator.EmulatorListener;
import org.oneedge.mec.platform.emulator.UeView;
import org.oneedge.mec.platform.http.MecExchange;
import org.oneedge.mec.platform.http.Routes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * MEC 012 Radio Network Information API ({@code /rni/v2}, RniAPI.yaml 2.2.1), driven by the {@link Emulator}:
 * RAB, PLMN and layer-2 queries over the emulated cells and UEs, and the subscriptions whose events the emulator
 * produces, notified from emulator events.
 *
 * <pre>
 *   Emulator ─CellChange (4G→4G)──────────▶ CellChangeNotification  (hoStatus 3 COMPLETED)
 *            ─CellChange (any, 4G ends) ────▶ RabRelNotification (source cell), RabEstNotification (target cell)
 *            ─MeasurementReport (4G serving)▶ MeasRepUeNotification  (trigger 1 periodical / 12 EVENT_A3)
 *            ─MeasurementReport (5G serving)▶ NrMeasRepUeNotification (triggerNr 1 NR_PERIODICAL / 12 EVENT_A3)
 *            ─MeasurementReport (4G, periodic)▶ MeasTaNotification (timing advance from the antenna distance)
 *            ─BearerQosChange (UE on 4G) ─────▶ RabModNotification (the scenario's QoS schedule)
 *            ─SecondaryCellChange ────────────▶ CaReconfNotification (carrier aggregation in the serving zone)
 *            ─CellChange ─────────────────────▶ S1BearerNotification: attach / enter 4G = ESTABLISH, leave 4G =
 *                                               RELEASE, 4G→4G = MODIFY (path switch); a host view sees a move
 *                                               between MEC hosts as RELEASE (source host) and ESTABLISH (target)
 *                                               └─▶ NotificationSender ─POST─▶ callbackReference
 * </pre>
 *
 * A UE is identified by its IPv4 address ({@code AssociateId} type 1): the scenario address without its
 * {@code acr:} prefix. Each UE has one E-RAB (id from a platform-wide counter, QoS from the scenario, QCI 9 by
 * default) whose S1 bearer runs between emulated transport addresses: the eNB of cell i at {@code 10.255.x.y}
 * (x.y = i + 1), the S-GW of MEC host h at {@code 10.254.h.1} (local breakout), with TEIDs derived from cell or
 * host and E-RAB id. Bodies are sent bare (as the MEC 012 text and AdvantEDGE do); bodies wrapped in their type name
 * (as the file's schemas show) are accepted. A host view ({@code /{host}/rni/v2}) sees that MEC host's cells only.
 */
public final class RniApi implements MecApi, EmulatorListener {

    public static final String BASE_PATH = "/rni/v2";
    private static final Logger LOG = LoggerFactory.getLogger(RniApi.class);
    private static final Map<String, String> SUBSCRIPTION_TYPES = Map.of(
            "cell_change", CellChangeSubscription.TYPE, "rab_est", "RabEstSubscription",
            "rab_mod", "RabModSubscription", "rab_rel", "RabRelSubscription",
            "meas_rep_ue", MeasRepUeSubscription.TYPE, "nr_meas_rep_ue", "NrMeasRepUeSubscription",
            "timing_advance_ue", "MeasTaSubscription", "ca_reconf", "CaReconfSubscription",
            "s1_bearer", "S1BearerSubscription");
    /** Distance per LTE timing advance step: 16 Ts of round trip, c × 16 / (2 × 30.72 MHz) (TS 36.213 4.2.3). */
    private static final double TA_STEP_METRES = 299_792_458.0 * 16 / (2 * 30.72e6);
    private static final String[] UE_FILTERS = {"ue_ipv4_address", "ue_ipv6_address", "nated_ip_address", "gtp_teid"};
    private static final String[] RAB_FILTERS = {"app_ins_id", "cell_id", "ue_ipv4_address", "ue_ipv6_address",
            "nated_ip_address", "gtp_teid", "erab_id", "qci", "erab_mbr_dl", "erab_mbr_ul", "erab_gbr_dl",
            "erab_gbr_ul"};
    private static final String[] S1_FILTERS = {"temp_ue_id", "ue_ipv4_address", "ue_ipv6_address",
            "nated_ip_address", "gtp_teid", "cell_id", "erab_id"};
    private static final String[] L2_COUNTERS = {"dl_gbr_prb_usage_cell", "ul_gbr_prb_usage_cell",
            "dl_nongbr_prb_usage_cell", "ul_nongbr_prb_usage_cell", "dl_total_prb_usage_cell",
            "ul_total_prb_usage_cell", "received_dedicated_preambles_cell",
            "received_randomly_selected_preambles_low_range_cell",
            "received_randomly_selected_preambles_high_range_cell", "number_of_active_ue_dl_gbr_cell",
            "number_of_active_ue_ul_gbr_cell", "number_of_active_ue_dl_nongbr_cell",
            "number_of_active_ue_ul_nongbr_cell", "dl_gbr_pdr_cell", "ul_gbr_pdr_cell", "dl_nongbr_pdr_cell",
            "ul_nongbr_pdr_cell", "dl_gbr_delay_ue", "ul_gbr_delay_ue", "dl_nongbr_delay_ue", "ul_nongbr_delay_ue",
            "dl_gbr_pdr_ue", "ul_gbr_pdr_ue", "dl_nongbr_pdr_ue", "ul_nongbr_pdr_ue", "dl_gbr_throughput_ue",
            "ul_gbr_throughput_ue", "dl_nongbr_throughput_ue", "ul_nongbr_throughput_ue", "dl_gbr_data_volume_ue",
            "ul_gbr_data_volume_ue", "dl_nongbr_data_volume_ue", "ul_nongbr_data_volume_ue",
            // the file's parameter list also has this misspelt name
            "received_randomly_selecte_preambles_low_range_cell"};

    private final MecPlatformContext ctx;
    private final Emulator emulator;
    private final Plmn plmn;
    private final SubscriptionRegistry<RniSubscription> subscriptions;
    private final AtomicLong requestIds = new AtomicLong();
    private final Map<String, Integer> erabIds = new ConcurrentHashMap<>();
    private final Map<String, BearerQos> bearerQos = new ConcurrentHashMap<>();
    private final AtomicLong nextErabId = new AtomicLong();
    private volatile List<SubscriptionRegistry.Entry<RniSubscription>> cellChangeSubs = List.of();
    private volatile List<SubscriptionRegistry.Entry<RniSubscription>> measRepSubs = List.of();
    private volatile List<SubscriptionRegistry.Entry<RniSubscription>> nrMeasRepSubs = List.of();
    private volatile List<SubscriptionRegistry.Entry<RniSubscription>> rabSubs = List.of();
    private volatile List<SubscriptionRegistry.Entry<RniSubscription>> timingAdvanceSubs = List.of();
    private volatile List<SubscriptionRegistry.Entry<RniSubscription>> caReconfSubs = List.of();
    private volatile List<SubscriptionRegistry.Entry<RniSubscription>> s1BearerSubs = List.of();

    public RniApi(MecPlatformContext ctx, Emulator emulator) {
        this.ctx = ctx;
        this.emulator = emulator;
        this.plmn = new Plmn(emulator.scenario().plmn().mcc(), emulator.scenario().plmn().mnc());
        this.subscriptions = ctx.newSubscriptionRegistry("");
        subscriptions.onExpiry(entry -> {
            refresh();
            ctx.notifications().send(entry.callback(), ExpiryNotification.of(TimeStamp.of(ctx.clock().instant()),
                    TimeStamp.of(entry.expiryDeadline()), selfHref(entry)));
        });
    }

    /** A factory for {@link org.oneedge.mec.platform.MecPlatform.Builder#api(Factory)}. */
    public static Factory factory(Emulator emulator) {
        return ctx -> new RniApi(ctx, emulator);
    }

    @Override
    public String basePath() {
        return BASE_PATH;
    }

    @Override
    public Optional<MecServiceDescription> service() {
        return Optional.of(new MecServiceDescription("rnis", "RNI", "v2"));
    }

    @Override
    public void start() {
        emulator.addListener(this);
        for (UeView ue : emulator.ues()) {
            bearerQos.putIfAbsent(ue.id(), ue.bearerQos());
        }
    }

    @Override
    public void stop() {
        emulator.removeListener(this);
    }

    @Override
    public void register(Routes routes) {
        routes.get("/queries/rab_info", this::rabInfo);
        routes.get("/queries/plmn_info", this::plmnInfo);
        routes.get("/queries/layer2_meas", this::layer2Meas);
        routes.get("/queries/s1_bearer_info", this::s1BearerInfo);
        routes.get("/subscriptions", this::listSubscriptions);
        routes.post("/subscriptions", this::createSubscription);
        routes.get("/subscriptions/{subscriptionId}", ex -> ex.ok(requireSubscription(ex).subscription()));
        routes.put("/subscriptions/{subscriptionId}", this::replaceSubscription);
        routes.delete("/subscriptions/{subscriptionId}", ex -> {
            SubscriptionRegistry.Entry<RniSubscription> entry = requireSubscription(ex);
            subscriptions.remove(entry.id());
            refresh();
            ctx.notifications().release(entry.callback());
            LOG.info("RNI subscription {} deleted", entry.id());
            ex.noContent();
        });
    }

    // ------------------------------------------------------------------ queries

    private List<EmulatedAccessPoint> lteCellsInView(MecExchange ex) {
        List<String> cellIds = ex.queryParams("cell_id");
        return emulator.accessPoints().stream()
                .filter(c -> c.type() == AccessPointType.LTE_4G)
                .filter(c -> ex.hostName() == null || ex.hostName().equals(c.hostName()))
                .filter(c -> cellIds.isEmpty() || cellIds.contains(c.cellId()) || cellIds.contains(c.id()))
                .toList();
    }

    private static Integer intParam(MecExchange ex, String name) {
        String v = ex.queryParam(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw MecProblemException.badRequest("query parameter " + name + " must be an integer, was '" + v + "'");
        }
    }

    /** UEs matching the UE filters; IPv6, NATed and GTP identifiers never match (UEs have IPv4 addresses only). */
    private static boolean ueMatches(MecExchange ex, UeView ue) {
        List<String> v4 = ex.queryParams("ue_ipv4_address");
        boolean otherIds = !ex.queryParams("ue_ipv6_address").isEmpty() || !ex.queryParams("nated_ip_address")
                .isEmpty() || !ex.queryParams("gtp_teid").isEmpty();
        if (otherIds && v4.isEmpty()) {
            return false;
        }
        return v4.isEmpty() || v4.contains(ipv4Of(ue.id())) || v4.contains(ue.id());
    }

    private void rabInfo(MecExchange ex) {
        ex.allowOnlyQueryParams(RAB_FILTERS);
        Integer erabId = intParam(ex, "erab_id");
        Integer qci = intParam(ex, "qci");
        bitRatesMatch(ex, BearerQos.DEFAULT); // 400 for a malformed bit rate even when no UE is attached
        List<EmulatedAccessPoint> cells = lteCellsInView(ex);
        Map<String, List<UeView>> byCell = uesByCell();
        List<RabInfo.CellUserInfo> cellUserInfo = new ArrayList<>();
        for (EmulatedAccessPoint cell : cells) {
            List<RabInfo.UeInfo> ueInfo = new ArrayList<>();
            for (UeView ue : byCell.getOrDefault(cell.id(), List.of())) {
                int id = erabIdOf(ue.id());
                BearerQos q = ue.bearerQos();
                if (!ueMatches(ex, ue) || (erabId != null && erabId != id) || (qci != null && qci != q.qci())
                        || !bitRatesMatch(ex, q)) {
                    continue;
                }
                ueInfo.add(new RabInfo.UeInfo(List.of(AssociateId.ipv4(ipv4Of(ue.id()))),
                        List.of(new RabInfo.ErabInfo(id, qosParameters(q)))));
            }
            if (!ueInfo.isEmpty()) {
                cellUserInfo.add(new RabInfo.CellUserInfo(ecgiOf(cell), ueInfo));
            }
        }
        String appInstanceId = ex.queryParam("app_ins_id");
        ex.ok(new RabInfo(TimeStamp.of(emulator.now()), appInstanceId == null ? "" : appInstanceId,
                Long.toString(requestIds.incrementAndGet()), cellUserInfo));
    }

    /** The bit rate filters of {@code rab_info}: a non-GBR bearer never matches one. */
    private static boolean bitRatesMatch(MecExchange ex, BearerQos q) {
        Integer mbrDl = intParam(ex, "erab_mbr_dl");
        Integer mbrUl = intParam(ex, "erab_mbr_ul");
        Integer gbrDl = intParam(ex, "erab_gbr_dl");
        Integer gbrUl = intParam(ex, "erab_gbr_ul");
        if (mbrDl == null && mbrUl == null && gbrDl == null && gbrUl == null) {
            return true;
        }
        return q.guaranteed() && (mbrDl == null || mbrDl.equals(q.mbrDl())) && (mbrUl == null
                || mbrUl.equals(q.mbrUl())) && (gbrDl == null || gbrDl.equals(q.gbrDl()))
                && (gbrUl == null || gbrUl.equals(q.gbrUl()));
    }

    /** MEC 012 {@code erabQosParameters}: the QCI, and the bit rates of a GBR bearer. */
    private static RabInfo.ErabQosParameters qosParameters(BearerQos q) {
        return new RabInfo.ErabQosParameters(q.qci(), q.guaranteed() ? new RabInfo.QosInformation(q.mbrDl(),
                q.mbrUl(), q.gbrDl(), q.gbrUl()) : null);
    }

    private BearerQos qosOf(String ueId) {
        return bearerQos.getOrDefault(ueId, BearerQos.DEFAULT);
    }

    private void plmnInfo(MecExchange ex) {
        ex.allowOnlyQueryParams("app_ins_id");
        List<String> apps = ex.queryParams("app_ins_id");
        if (apps.isEmpty()) {
            throw MecProblemException.badRequest("query parameter app_ins_id is required");
        }
        TimeStamp now = TimeStamp.of(emulator.now());
        ex.ok(apps.stream().map(app -> new PlmnInfo(now, app, List.of(plmn))).toList());
    }

    private void layer2Meas(MecExchange ex) {
        List<String> allowed = new ArrayList<>(List.of("app_ins_id", "cell_id"));
        allowed.addAll(List.of(UE_FILTERS));
        allowed.addAll(List.of(L2_COUNTERS));
        ex.allowOnlyQueryParams(allowed.toArray(String[]::new));
        Map<String, Integer> counterFilters = new HashMap<>();
        for (String counter : L2_COUNTERS) {
            Integer v = intParam(ex, counter);
            if (v != null) {
                counterFilters.put(counter.replace("selecte_", "selected_"), v);
            }
        }
        Map<String, List<UeView>> byCell = uesByCell();
        List<L2Meas.CellInfo> cellInfo = new ArrayList<>();
        List<L2Meas.CellUEInfo> cellUeInfo = new ArrayList<>();
        for (EmulatedAccessPoint cell : lteCellsInView(ex)) {
            List<UeView> ues = byCell.getOrDefault(cell.id(), List.of());
            int n = ues.size();
            int prb = Math.min(100, n * 10);
            L2Meas.CellInfo info = new L2Meas.CellInfo(ecgiOf(cell), 0, 0, prb, prb / 2, prb, prb / 2, n, n, 0, 0);
            if (matchesCounters(info, counterFilters)) {
                cellInfo.add(info);
            }
            for (UeView ue : ues) {
                if (!ueMatches(ex, ue)) {
                    continue;
                }
                double sinr = ue.measurements().isEmpty() ? 0 : ue.measurements().get(0).sinrDb();
                // Shannon capacity of a 20 MHz carrier shared by the cell's UEs, kbit/s
                int dl = (int) (20_000 * Math.log(1 + Math.pow(10, sinr / 10)) / Math.log(2) / Math.max(1, n));
                int delay = 10 + 2 * n;
                L2Meas.CellUEInfo ueInfo = new L2Meas.CellUEInfo(ecgiOf(cell), AssociateId.ipv4(ipv4Of(ue.id())),
                        delay, delay, dl, dl / 2, 0, 0);
                if (matchesCounters(ueInfo, counterFilters)) {
                    cellUeInfo.add(ueInfo);
                }
            }
        }
        ex.ok(new L2Meas(TimeStamp.of(emulator.now()), cellInfo, cellUeInfo));
    }

    private boolean matchesCounters(Object record, Map<String, Integer> filters) {
        if (filters.isEmpty()) {
            return true;
        }
        JsonNode json = ctx.mapper().valueToTree(record);
        for (Map.Entry<String, Integer> f : filters.entrySet()) {
            JsonNode v = json.get(f.getKey());
            boolean cellField = f.getKey().endsWith("_cell");
            boolean recordIsCell = record instanceof L2Meas.CellInfo;
            if (cellField != recordIsCell) {
                continue;
            }
            if (v == null || v.asInt() != f.getValue()) {
                return false;
            }
        }
        return true;
    }

    private Map<String, List<UeView>> uesByCell() {
        Map<String, List<UeView>> byCell = new HashMap<>();
        for (UeView ue : emulator.ues()) {
            if (ue.servingCellId() != null) {
                byCell.computeIfAbsent(ue.servingCellId(), k -> new ArrayList<>()).add(ue);
            }
        }
        return byCell;
    }

    private int erabIdOf(String ueId) {
        return erabIds.computeIfAbsent(ueId, k -> (int) nextErabId.incrementAndGet());
    }

    // ------------------------------------------------------------------ subscriptions

    private void listSubscriptions(MecExchange ex) {
        ex.allowOnlyQueryParams("subscription_type");
        String type = ex.queryParam("subscription_type");
        String typeName = null;
        if (type != null) {
            typeName = SUBSCRIPTION_TYPES.get(type);
            if (typeName == null) {
                throw MecProblemException.badRequest("subscription_type must be one of "
                        + new java.util.TreeSet<>(SUBSCRIPTION_TYPES.keySet()) + ", was '" + type + "'");
            }
        }
        String wanted = typeName;
        List<SubscriptionLinkList.Subscription> links = subscriptions.matching(e -> e.visibleFrom(ex.hostName()))
                .stream()
                .filter(e -> wanted == null || wanted.equals(e.subscription().subscriptionType()))
                .map(e -> new SubscriptionLinkList.Subscription(selfHref(e), e.subscription().subscriptionType()))
                .toList();
        ex.ok(new SubscriptionLinkList(new SubscriptionLinkList.Links(LinkType.of(ex.requestUrl()), links)));
    }

    private RniSubscription readSubscription(MecExchange ex) {
        JsonNode body = ex.bodyTree();
        if (body.isObject() && !body.has("subscriptionType") && body.size() == 1
                && body.elements().next().isObject()) {
            body = body.elements().next(); // wrapped as in the file's schema: {"CellChangeSubscription": {...}}
        }
        String type = body.path("subscriptionType").asText(null);
        if (type == null || !SUBSCRIPTION_TYPES.containsValue(type)) {
            throw MecProblemException.badRequest("subscriptionType must be one of "
                    + new java.util.TreeSet<>(SUBSCRIPTION_TYPES.values()) + ", was " + (type == null ? "missing"
                    : "'" + type + "'"));
        }
        RniSubscription s = ex.convert(body, RniSubscription.class);
        if (s.expiryDeadline() != null && !s.expiryDeadline().toInstant().isAfter(ctx.clock().instant())) {
            throw MecProblemException.badRequest("expiryDeadline is in the past");
        }
        return s;
    }

    /** The callback URI of a subscription; 400 if missing or not an absolute http(s) URI. */
    public static URI callbackOf(String callbackReference) {
        if (callbackReference == null || callbackReference.isBlank()) {
            throw MecProblemException.badRequest("callbackReference is required");
        }
        return NotificationTarget.httpCallback(callbackReference);
    }

    /** The subscription with the delivery chosen for it (MEC 009 6.12a) and that delivery's target. */
    private record Chosen(RniSubscription subscription, NotificationTarget target) {
    }

    private Chosen chooseDelivery(MecExchange ex, RniSubscription s, URI existing) {
        NotificationTarget target = NotificationTarget.choose(ex, ctx.notifications(), s.callbackReference(),
                s.websockNotifConfig() == null ? null : s.websockNotifConfig().requestWebsocketUri(), existing);
        return new Chosen(s.withDelivery(target.callbackReference(), target.websocketUri() == null ? null
                : new WebsockNotifConfig(target.websocketUri(), true)), target);
    }

    private void createSubscription(MecExchange ex) {
        Chosen chosen = chooseDelivery(ex, readSubscription(ex), null);
        RniSubscription s = chosen.subscription();
        Instant deadline = s.expiryDeadline() == null ? null : s.expiryDeadline().toInstant();
        SubscriptionRegistry.Entry<RniSubscription> entry = subscriptions.add(ex.hostName(), null,
                chosen.target().uri(), deadline, id -> s.withLinks(SelfLinks.of(ex.href("/subscriptions/" + id))));
        refresh();
        LOG.info("RNI subscription {} created: {} -> {}", entry.id(), s.subscriptionType(), entry.callback());
        ex.created(selfHref(entry), entry.subscription());
        if (Boolean.TRUE.equals(s.requestTestNotification())) {
            ctx.notifications().send(entry.callback(), testNotification(selfHref(entry)));
        }
    }

    private void replaceSubscription(MecExchange ex) {
        SubscriptionRegistry.Entry<RniSubscription> existing = requireSubscription(ex);
        RniSubscription read = readSubscription(ex);
        if (!read.subscriptionType().equals(existing.subscription().subscriptionType())) {
            throw MecProblemException.badRequest("subscriptionType cannot change from "
                    + existing.subscription().subscriptionType() + " to " + read.subscriptionType());
        }
        Chosen chosen = chooseDelivery(ex, read, existing.callback());
        RniSubscription s = chosen.subscription();
        Instant deadline = s.expiryDeadline() == null ? null : s.expiryDeadline().toInstant();
        SubscriptionRegistry.Entry<RniSubscription> updated = subscriptions.replace(existing.id(),
                chosen.target().uri(), deadline, s.withLinks(existing.subscription().links()))
                .orElseThrow(() -> MecProblemException.notFound("subscription " + existing.id() + " not found"));
        refresh();
        if (!existing.callback().equals(updated.callback())) {
            ctx.notifications().release(existing.callback()); // e.g. websocket given up for a callback URI
        }
        ex.ok(updated.subscription());
    }

    private SubscriptionRegistry.Entry<RniSubscription> requireSubscription(MecExchange ex) {
        String id = ex.pathParam("subscriptionId");
        return subscriptions.get(id, ex.hostName(), null)
                .orElseThrow(() -> MecProblemException.notFound("RNI subscription '" + id + "' not found"));
    }

    /** {@code TestNotification} (MEC 012 6.4.12, MEC 009 6.12a), sent when a subscription asks for one. */
    public static Map<String, Object> testNotification(String subscriptionHref) {
        return Map.of("notificationType", "TestNotification",
                "_links", Map.of("subscription", LinkType.of(subscriptionHref)));
    }

    private static String selfHref(SubscriptionRegistry.Entry<RniSubscription> entry) {
        return entry.subscription().links().self().href();
    }

    private void refresh() {
        List<SubscriptionRegistry.Entry<RniSubscription>> all = subscriptions.all();
        cellChangeSubs = all.stream().filter(e -> e.subscription() instanceof CellChangeSubscription).toList();
        measRepSubs = all.stream().filter(e -> e.subscription() instanceof MeasRepUeSubscription).toList();
        nrMeasRepSubs = all.stream().filter(e -> e.subscription() instanceof NrMeasRepUeSubscription).toList();
        timingAdvanceSubs = all.stream().filter(e -> e.subscription() instanceof MeasTaSubscription).toList();
        rabSubs = all.stream().filter(e -> e.subscription() instanceof RabEstSubscription
                || e.subscription() instanceof RabRelSubscription || e.subscription() instanceof RabModSubscription)
                .toList();
        caReconfSubs = all.stream().filter(e -> e.subscription() instanceof CaReconfSubscription).toList();
        s1BearerSubs = all.stream().filter(e -> e.subscription() instanceof S1BearerSubscription).toList();
    }

    // ------------------------------------------------------------------ notifications

    @Override
    public void onEvent(EmulatorEvent event) {
        switch (event) {
            case EmulatorEvent.CellChange c -> onCellChange(c);
            case EmulatorEvent.MeasurementReport r -> onMeasurementReport(r);
            case EmulatorEvent.BearerQosChange b -> onBearerQosChange(b);
            case EmulatorEvent.SecondaryCellChange sc -> onSecondaryCellChange(sc);
            default -> {
            }
        }
    }

    private boolean live(SubscriptionRegistry.Entry<?> e, Instant now) {
        return e.expiryDeadline() == null || e.expiryDeadline().isAfter(now);
    }

    private void onCellChange(EmulatorEvent.CellChange c) {
        onBearerChange(c);
        onS1Bearer(c);
        List<SubscriptionRegistry.Entry<RniSubscription>> subs = cellChangeSubs;
        if (subs.isEmpty() || c.sourceCellId() == null || c.targetCellId() == null) {
            return;
        }
        EmulatedAccessPoint src = emulator.accessPoint(c.sourceCellId()).orElseThrow();
        EmulatedAccessPoint trg = emulator.accessPoint(c.targetCellId()).orElseThrow();
        if (src.type() != AccessPointType.LTE_4G || trg.type() != AccessPointType.LTE_4G) {
            return; // CellChangeNotification carries E-UTRAN cell identities only
        }
        Ecgi srcEcgi = ecgiOf(src);
        Ecgi trgEcgi = ecgiOf(trg);
        AssociateId ue = AssociateId.ipv4(ipv4Of(c.ueId()));
        Instant now = ctx.clock().instant();
        for (SubscriptionRegistry.Entry<RniSubscription> e : subs) {
            FilterCriteriaAssocHo f = ((CellChangeSubscription) e.subscription()).filterCriteriaAssocHo();
            if (!live(e, now) || !inHost(e, src, trg) || !associateMatches(f.associateId(), c.ueId())
                    || (f.ecgi() != null && !f.ecgi().isEmpty() && !f.ecgi().contains(srcEcgi)
                    && !f.ecgi().contains(trgEcgi))
                    || (f.hoStatus() != null && !f.hoStatus().isEmpty() && !f.hoStatus().contains(HoStatus.COMPLETED))) {
                continue;
            }
            String href = selfHref(e);
            ctx.notifications().send(e.callback(), c.ueId(), new CellChangeNotification(
                    CellChangeNotification.TYPE, TimeStamp.of(c.time()), List.of(ue), srcEcgi, List.of(trgEcgi), HoStatus.COMPLETED, null,
                    List.of(SelfLinks.of(href)), List.of(LinkType.of(href))));
        }
    }

    /**
     * A UE's E-RAB follows its serving 4G cell: released in the source cell and established in the target cell of
     * every cell change (attach: establish only; coverage lost: release only), with the QoS it has at the time.
     */
    private void onBearerChange(EmulatorEvent.CellChange c) {
        List<SubscriptionRegistry.Entry<RniSubscription>> subs = rabSubs;
        if (subs.isEmpty()) {
            return;
        }
        EmulatedAccessPoint src = c.sourceCellId() == null ? null : emulator.accessPoint(c.sourceCellId())
                .filter(a -> a.type() == AccessPointType.LTE_4G).orElse(null);
        EmulatedAccessPoint trg = c.targetCellId() == null ? null : emulator.accessPoint(c.targetCellId())
                .filter(a -> a.type() == AccessPointType.LTE_4G).orElse(null);
        int erabId = erabIdOf(c.ueId());
        BearerQos q = qosOf(c.ueId());
        List<AssociateId> ue = List.of(AssociateId.ipv4(ipv4Of(c.ueId())));
        TimeStamp time = TimeStamp.of(c.time());
        Instant now = ctx.clock().instant();
        for (SubscriptionRegistry.Entry<RniSubscription> e : subs) {
            if (!live(e, now)) {
                continue;
            }
            String href = selfHref(e);
            if (src != null && e.subscription() instanceof RabRelSubscription rel && inHost(e, src, src)) {
                FilterCriteriaQciErab f = rel.filterCriteriaQci();
                if (f.qci() == q.qci() && f.erabId() == erabId && cellMatches(f.ecgi(), ecgiOf(src))) {
                    ctx.notifications().send(e.callback(), c.ueId(), new RabRelNotification(
                            RabRelNotification.TYPE, time, ecgiOf(src), ue,
                            new RabRelNotification.ErabReleaseInfo(erabId),
                            List.of(SelfLinks.of(href)), List.of(LinkType.of(href))));
                }
            }
            if (trg != null && e.subscription() instanceof RabEstSubscription est && inHost(e, trg, trg)) {
                FilterCriteriaQci f = est.filterCriteriaQci();
                if (f.qci() == q.qci() && cellMatches(f.ecgi(), ecgiOf(trg))) {
                    ctx.notifications().send(e.callback(), c.ueId(), new RabEstNotification(
                            RabEstNotification.TYPE, time, ecgiOf(trg), ue, erabId, qosParameters(q),
                            List.of(SelfLinks.of(href)), List.of(LinkType.of(href))));
                }
            }
        }
    }

    /** The scenario changed the QoS of a UE's E-RAB: a RabModNotification when the UE is on a 4G cell. */
    private void onBearerQosChange(EmulatorEvent.BearerQosChange b) {
        bearerQos.put(b.ueId(), b.current());
        List<SubscriptionRegistry.Entry<RniSubscription>> subs = rabSubs;
        EmulatedAccessPoint cell = b.servingCellId() == null ? null : emulator.accessPoint(b.servingCellId())
                .filter(a -> a.type() == AccessPointType.LTE_4G).orElse(null);
        if (subs.isEmpty() || cell == null) {
            return;
        }
        int erabId = erabIdOf(b.ueId());
        Ecgi ecgi = ecgiOf(cell);
        Instant now = ctx.clock().instant();
        for (SubscriptionRegistry.Entry<RniSubscription> e : subs) {
            if (!(e.subscription() instanceof RabModSubscription mod) || !live(e, now) || !inHost(e, cell, cell)) {
                continue;
            }
            FilterCriteriaQciErab f = mod.filterCriteriaQci();
            // the bearer is watched by its QCI before or after the change
            boolean qciMatches = f.qci() == b.previous().qci() || f.qci() == b.current().qci();
            if (f.erabId() == erabId && qciMatches && cellMatches(f.ecgi(), ecgi)) {
                String href = selfHref(e);
                ctx.notifications().send(e.callback(), b.ueId(), new RabModNotification(RabModNotification.TYPE,
                        TimeStamp.of(b.time()), ecgi, List.of(AssociateId.ipv4(ipv4Of(b.ueId()))), erabId,
                        qosParameters(b.current()), List.of(SelfLinks.of(href)), List.of(LinkType.of(href))));
            }
        }
    }

    /** The UE's secondary cells changed: a CaReconfNotification in its primary cell. */
    private void onSecondaryCellChange(EmulatorEvent.SecondaryCellChange sc) {
        List<SubscriptionRegistry.Entry<RniSubscription>> subs = caReconfSubs;
        if (subs.isEmpty() || sc.primaryCellId() == null) {
            return;
        }
        EmulatedAccessPoint primary = emulator.accessPoint(sc.primaryCellId()).orElseThrow();
        Ecgi ecgi = ecgiOf(primary);
        Instant now = ctx.clock().instant();
        CaReconfNotification template = null;
        for (SubscriptionRegistry.Entry<RniSubscription> e : subs) {
            FilterCriteriaAssoc f = ((CaReconfSubscription) e.subscription()).filterCriteriaAssoc();
            if (!live(e, now) || !inHost(e, primary, primary) || !associateMatches(f.associateId(), sc.ueId())
                    || !cellMatches(f.ecgi(), ecgi)) {
                continue;
            }
            if (template == null) {
                template = caReconf(sc, ecgi);
            }
            String href = selfHref(e);
            ctx.notifications().send(e.callback(), sc.ueId(), new CaReconfNotification(template.notificationType(),
                    template.timeStamp(), ecgi, template.associateId(), template.secondaryCellAdd(),
                    template.secondaryCellRemove(), template.carrierAggregationMeasInfo(),
                    List.of(SelfLinks.of(href)), List.of(LinkType.of(href))));
        }
    }

    /**
     * The notification body without links: cells added and removed, and for each serving cell of the aggregation
     * (primary first, then the secondaries) its measurement and the best 4G neighbour outside the aggregation.
     */
    private CaReconfNotification caReconf(EmulatorEvent.SecondaryCellChange sc, Ecgi ecgi) {
        Map<String, CellMeasurement> measured = new HashMap<>();
        for (CellMeasurement m : sc.measurements()) {
            measured.put(m.cellId(), m);
        }
        List<String> serving = new ArrayList<>();
        if (!sc.secondaryCellIds().isEmpty()) {
            serving.add(sc.primaryCellId());
            serving.addAll(sc.secondaryCellIds());
        }
        CellMeasurement bestNeighbour = null;
        for (CellMeasurement m : sc.measurements()) { // neighbours come strongest first
            EmulatedAccessPoint cell = emulator.accessPoint(m.cellId()).orElseThrow();
            if (cell.type() == AccessPointType.LTE_4G && !serving.contains(m.cellId())
                    && !m.cellId().equals(sc.primaryCellId())) {
                bestNeighbour = m;
                break;
            }
        }
        List<CaReconfNotification.CarrierAggregationMeasInfo> meas = new ArrayList<>();
        for (String id : serving) {
            CellMeasurement m = measured.get(id);
            if (m != null && bestNeighbour != null) {
                meas.add(new CaReconfNotification.CarrierAggregationMeasInfo(cellIdOf(id), m.rsrpIndex(),
                        m.rsrqIndex(), cellIdOf(bestNeighbour.cellId()), bestNeighbour.rsrpIndex(),
                        bestNeighbour.rsrqIndex()));
            }
        }
        return new CaReconfNotification(CaReconfNotification.TYPE, TimeStamp.of(sc.time()), ecgi,
                List.of(AssociateId.ipv4(ipv4Of(sc.ueId()))), secondaryCells(sc.added()),
                secondaryCells(sc.removed()), meas.isEmpty() ? null : meas, null, null);
    }

    private List<CaReconfNotification.SecondaryCell> secondaryCells(List<String> ids) {
        return ids.isEmpty() ? null : ids.stream().map(id -> new CaReconfNotification.SecondaryCell(
                ecgiOf(emulator.accessPoint(id).orElseThrow()))).toList();
    }

    private String cellIdOf(String accessPointId) {
        return emulator.accessPoint(accessPointId).orElseThrow().cellId();
    }

    /**
     * S1 bearer events of a cell change: entering 4G establishes the UE's S1 bearer, leaving 4G releases it, and a
     * 4G to 4G handover switches its path to the target eNB (modify). A subscription made in a MEC host view sees a
     * move to another host's cell as a release, and one from another host's cell as an establishment.
     */
    private void onS1Bearer(EmulatorEvent.CellChange c) {
        List<SubscriptionRegistry.Entry<RniSubscription>> subs = s1BearerSubs;
        if (subs.isEmpty()) {
            return;
        }
        EmulatedAccessPoint src = lteCell(c.sourceCellId());
        EmulatedAccessPoint trg = lteCell(c.targetCellId());
        if (src == null && trg == null) {
            return;
        }
        Instant now = ctx.clock().instant();
        int erabId = erabIdOf(c.ueId());
        for (SubscriptionRegistry.Entry<RniSubscription> e : subs) {
            if (!live(e, now)) {
                continue;
            }
            boolean seesSrc = src != null && (e.hostName() == null || e.hostName().equals(src.hostName()));
            boolean seesTrg = trg != null && (e.hostName() == null || e.hostName().equals(trg.hostName()));
            if (seesSrc && seesTrg) {
                notifyS1(e, c, S1BearerEvent.S1_BEARER_MODIFY, trg, src, erabId);
            } else if (seesTrg) {
                notifyS1(e, c, S1BearerEvent.S1_BEARER_ESTABLISH, trg, null, erabId);
            } else if (seesSrc) {
                notifyS1(e, c, S1BearerEvent.S1_BEARER_RELEASE, src, null, erabId);
            }
        }
    }

    private EmulatedAccessPoint lteCell(String accessPointId) {
        return accessPointId == null ? null : emulator.accessPoint(accessPointId)
                .filter(a -> a.type() == AccessPointType.LTE_4G).orElse(null);
    }

    /** One S1BearerNotification if the subscription wants the event, UE, cell ({@code cell} or {@code other}), bearer. */
    private void notifyS1(SubscriptionRegistry.Entry<RniSubscription> e, EmulatorEvent.CellChange c,
                          S1BearerEvent event, EmulatedAccessPoint cell, EmulatedAccessPoint other, int erabId) {
        S1BearerSubscription s = (S1BearerSubscription) e.subscription();
        S1BearerSubscriptionCriteria f = s.s1BearerSubscriptionCriteria();
        boolean cellMatches = cellMatches(f.ecgi(), ecgiOf(cell)) || (other != null
                && cellMatches(f.ecgi(), ecgiOf(other)));
        if (!s.eventType().contains(event) || !associateMatches(f.associateId(), c.ueId()) || !cellMatches
                || (f.erabId() != null && !f.erabId().isEmpty() && !f.erabId().contains(erabId))) {
            return;
        }
        String href = selfHref(e);
        ctx.notifications().send(e.callback(), c.ueId(), new S1BearerNotification(S1BearerNotification.TYPE,
                TimeStamp.of(c.time()), event.name(), new S1BearerNotification.S1UeInfo(tempUeIdOf(c.ueId()),
                List.of(AssociateId.ipv4(ipv4Of(c.ueId()))), List.of(ecgiOf(cell)),
                List.of(s1Bearer(cell, erabId))), List.of(SelfLinks.of(href)), List.of(LinkType.of(href))));
    }

    /** The S1-U bearer of E-RAB {@code erabId} served by {@code cell}: its eNB and its MEC host's S-GW. */
    private S1BearerInfo.Detailed s1Bearer(EmulatedAccessPoint cell, int erabId) {
        int host = Math.max(0, emulator.hostNames().indexOf(cell.hostName()));
        int enb = cell.index() + 1;
        return new S1BearerInfo.Detailed(erabId,
                new S1BearerInfo.Endpoint("10.255." + (enb >> 8 & 0xFF) + "." + (enb & 0xFF),
                        String.format("%08X", (enb & 0xFFFF) << 16 | (erabId & 0xFFFF))),
                new S1BearerInfo.Endpoint("10.254." + (host & 0xFF) + ".1",
                        String.format("%08X", (host + 1) << 24 | (erabId & 0xFFFFFF))));
    }

    /** An emulated S-TMSI: MMEC 01 and an M-TMSI (8 hex digits) derived from the UE's address. */
    private static S1BearerInfo.TempUeId tempUeIdOf(String ueId) {
        return new S1BearerInfo.TempUeId("01", String.format("%08X", ueId.hashCode()));
    }

    /** {@code GET /queries/s1_bearer_info}: the S1 bearer of every UE on a 4G cell in view that matches the filters. */
    private void s1BearerInfo(MecExchange ex) {
        ex.allowOnlyQueryParams(S1_FILTERS);
        List<Integer> erabFilter = new ArrayList<>();
        for (String v : ex.queryParams("erab_id")) {
            try {
                erabFilter.add(Integer.valueOf(v));
            } catch (NumberFormatException e) {
                throw MecProblemException.badRequest("query parameter erab_id must be a comma separated list of "
                        + "integers, was '" + v + "'");
            }
        }
        List<String> tempUeIds = ex.queryParams("temp_ue_id");
        List<String> v4 = ex.queryParams("ue_ipv4_address");
        List<String> teids = ex.queryParams("gtp_teid");
        boolean otherIds = !ex.queryParams("ue_ipv6_address").isEmpty()
                || !ex.queryParams("nated_ip_address").isEmpty();
        Map<String, List<UeView>> byCell = uesByCell();
        List<S1BearerInfo.S1UeInfo> out = new ArrayList<>();
        for (EmulatedAccessPoint cell : lteCellsInView(ex)) {
            for (UeView ue : byCell.getOrDefault(cell.id(), List.of())) {
                int erabId = erabIdOf(ue.id());
                S1BearerInfo.TempUeId tmp = tempUeIdOf(ue.id());
                S1BearerInfo.Detailed bearer = s1Bearer(cell, erabId);
                if (otherIds && v4.isEmpty()
                        || !v4.isEmpty() && !v4.contains(ipv4Of(ue.id())) && !v4.contains(ue.id())
                        || !tempUeIds.isEmpty() && !tempUeIds.contains(tmp.mtmsi())
                        && !tempUeIds.contains(tmp.mmec() + tmp.mtmsi())
                        || !teids.isEmpty() && !teids.contains(bearer.enbInfo().tunnelId())
                        && !teids.contains(bearer.sGwInfo().tunnelId())
                        || !erabFilter.isEmpty() && !erabFilter.contains(erabId)) {
                    continue;
                }
                out.add(new S1BearerInfo.S1UeInfo(tmp, List.of(AssociateId.ipv4(ipv4Of(ue.id()))),
                        List.of(ecgiOf(cell)), List.of(bearer)));
            }
        }
        ex.ok(new S1BearerInfo(TimeStamp.of(emulator.now()), out));
    }

    private static boolean cellMatches(List<Ecgi> filter, Ecgi cell) {
        return filter == null || filter.isEmpty() || filter.contains(cell);
    }

    private void onMeasurementReport(EmulatorEvent.MeasurementReport r) {
        onNrMeasurementReport(r);
        onTimingAdvance(r);
        List<SubscriptionRegistry.Entry<RniSubscription>> subs = measRepSubs;
        if (subs.isEmpty() || r.servingCellId() == null || r.measurements().isEmpty()) {
            return;
        }
        EmulatedAccessPoint serving = emulator.accessPoint(r.servingCellId()).orElseThrow();
        if (serving.type() != AccessPointType.LTE_4G || !r.measurements().get(0).cellId().equals(serving.id())) {
            return; // MeasRepUeNotification is about an E-UTRAN serving cell
        }
        Trigger trigger = r.trigger() == EmulatorEvent.ReportTrigger.EVENT_A3 ? Trigger.EVENT_A3
                : Trigger.PERIODICAL_REPORT_STRONGEST_CELLS;
        Ecgi ecgi = ecgiOf(serving);
        MeasRepUeNotification template = null;
        Instant now = ctx.clock().instant();
        for (SubscriptionRegistry.Entry<RniSubscription> e : subs) {
            FilterCriteriaAssocTri f = ((MeasRepUeSubscription) e.subscription()).filterCriteriaAssocTri();
            if (!live(e, now) || !inHost(e, serving, serving) || !associateMatches(f.associateId(), r.ueId())
                    || (f.ecgi() != null && !f.ecgi().isEmpty() && !f.ecgi().contains(ecgi))
                    || (f.trigger() != null && !f.trigger().isEmpty() && !f.trigger().contains(trigger))) {
                continue;
            }
            if (template == null) {
                template = measRepUe(r, ecgi, trigger);
            }
            String href = selfHref(e);
            latest(e, r, new MeasRepUeNotification(template.notificationType(),
                    template.timeStamp(), template.associateId(), template.ecgi(), template.rsrp(), template.rsrq(),
                    null, null, template.sinr(), template.trigger(), null, template.eutranNeighbourCellMeasInfo(),
                    template.newRadioMeasNeiInfo(), List.of(SelfLinks.of(href)), List.of(LinkType.of(href))));
        }
    }

    /** With each periodic report from a 4G cell, the UE's timing advance from its distance to the antenna. */
    private void onTimingAdvance(EmulatorEvent.MeasurementReport r) {
        List<SubscriptionRegistry.Entry<RniSubscription>> subs = timingAdvanceSubs;
        if (subs.isEmpty() || r.servingCellId() == null || r.trigger() != EmulatorEvent.ReportTrigger.PERIODICAL) {
            return;
        }
        EmulatedAccessPoint serving = emulator.accessPoint(r.servingCellId()).orElseThrow();
        if (serving.type() != AccessPointType.LTE_4G) {
            return;
        }
        Ecgi ecgi = ecgiOf(serving);
        Instant now = ctx.clock().instant();
        Integer ta = null;
        for (SubscriptionRegistry.Entry<RniSubscription> e : subs) {
            FilterCriteriaAssoc f = ((MeasTaSubscription) e.subscription()).filterCriteriaAssoc();
            if (!live(e, now) || !inHost(e, serving, serving) || !associateMatches(f.associateId(), r.ueId())
                    || !cellMatches(f.ecgi(), ecgi)) {
                continue;
            }
            if (ta == null) {
                UeView ue = emulator.ue(r.ueId()).orElse(null);
                if (ue == null) {
                    return;
                }
                ta = (int) Math.round(Math.hypot(ue.x() - serving.x(), ue.y() - serving.y()) / TA_STEP_METRES);
            }
            String href = selfHref(e);
            ctx.notifications().sendLatest(e.callback(), r.ueId(), e.id(), new MeasTaNotification(
                    MeasTaNotification.TYPE, TimeStamp.of(r.time()), ecgi,
                    List.of(AssociateId.ipv4(ipv4Of(r.ueId()))), ta, List.of(SelfLinks.of(href)),
                    List.of(LinkType.of(href))));
        }
    }

    /** A report whose serving cell is a 5G cell, as {@code NrMeasRepUeNotification} (MEC 012 6.4.11). */
    private void onNrMeasurementReport(EmulatorEvent.MeasurementReport r) {
        List<SubscriptionRegistry.Entry<RniSubscription>> subs = nrMeasRepSubs;
        if (subs.isEmpty() || r.servingCellId() == null || r.measurements().isEmpty()) {
            return;
        }
        EmulatedAccessPoint serving = emulator.accessPoint(r.servingCellId()).orElseThrow();
        if (serving.type() != AccessPointType.NR_5G || !r.measurements().get(0).cellId().equals(serving.id())) {
            return;
        }
        TriggerNr trigger = r.trigger() == EmulatorEvent.ReportTrigger.EVENT_A3 ? TriggerNr.EVENT_A3
                : TriggerNr.NR_PERIODICAL;
        Nrcgi nrcgi = nrcgiOf(serving);
        Instant now = ctx.clock().instant();
        NrMeasRepUeNotification template = null;
        for (SubscriptionRegistry.Entry<RniSubscription> e : subs) {
            FilterCriteriaNrMrs f = ((NrMeasRepUeSubscription) e.subscription()).filterCriteriaNrMrs();
            if (!live(e, now) || !inHost(e, serving, serving) || !associateMatches(f.associateId(), r.ueId())
                    || (f.nrcgi() != null && !f.nrcgi().isEmpty() && !f.nrcgi().contains(nrcgi))
                    || (f.triggerNr() != null && !f.triggerNr().isEmpty() && !f.triggerNr().contains(trigger))) {
                continue;
            }
            if (template == null) {
                template = nrMeasRepUe(r, nrcgi, trigger);
            }
            String href = selfHref(e);
            latest(e, r, new NrMeasRepUeNotification(template.notificationType(),
                    template.timeStamp(), template.associateId(), template.triggerNr(), template.servCellMeasInfo(),
                    template.nrNeighCellMeasInfo(), template.eutraNeighCellMeasInfo(), List.of(SelfLinks.of(href)),
                    List.of(LinkType.of(href))));
        }
    }

    private NrMeasRepUeNotification nrMeasRepUe(EmulatorEvent.MeasurementReport r, Nrcgi nrcgi, TriggerNr trigger) {
        List<NrMeasRepUeNotification.NrNeighCellMeasInfo> nr = new ArrayList<>();
        List<NrMeasRepUeNotification.EutraNeighCellMeasInfo> lte = new ArrayList<>();
        NrMeasRepUeNotification.CellMeas best = null;
        for (CellMeasurement m : r.measurements().subList(1, r.measurements().size())) {
            EmulatedAccessPoint cell = emulator.accessPoint(m.cellId()).orElseThrow();
            if (cell.type() == AccessPointType.NR_5G) {
                NrMeasRepUeNotification.MeasQuantityResultsNr q = nrResults(m);
                nr.add(new NrMeasRepUeNotification.NrNeighCellMeasInfo(nrcgiOf(cell), q));
                if (best == null) { // neighbours come strongest first
                    best = new NrMeasRepUeNotification.CellMeas(q);
                }
            } else if (cell.type() == AccessPointType.LTE_4G) {
                lte.add(new NrMeasRepUeNotification.EutraNeighCellMeasInfo(ecgiOf(cell), m.rsrpIndex(),
                        m.rsrqIndex(), m.sinrIndex()));
            }
        }
        NrMeasRepUeNotification.ServCellMeasInfo servCell = new NrMeasRepUeNotification.ServCellMeasInfo(nrcgi,
                new NrMeasRepUeNotification.CellMeas(nrResults(r.measurements().get(0))), best);
        return new NrMeasRepUeNotification(NrMeasRepUeNotification.TYPE, TimeStamp.of(r.time()),
                List.of(AssociateId.ipv4(ipv4Of(r.ueId()))), trigger, List.of(servCell), nr.isEmpty() ? null : nr,
                lte.isEmpty() ? null : lte, null, null);
    }

    /**
     * TS 38.133 report indices: SS-RSRP 0..127 from -156 dBm in 1 dB steps, SS-RSRQ 0..127 from -43 dB and SS-SINR
     * 0..127 from -23 dB in 0.5 dB steps.
     */
    private static NrMeasRepUeNotification.MeasQuantityResultsNr nrResults(CellMeasurement m) {
        int rsrp = Math.max(0, Math.min(127, (int) Math.floor(m.rsrpDbm() + 157)));
        int rsrq = Math.max(0, Math.min(127, (int) Math.floor((m.rsrqDb() + 43.5) * 2)));
        int sinr = Math.max(0, Math.min(127, (int) Math.floor((m.sinrDb() + 23.5) * 2)));
        return new NrMeasRepUeNotification.MeasQuantityResultsNr(rsrp, rsrq, sinr);
    }

    private Nrcgi nrcgiOf(EmulatedAccessPoint cell) {
        return new Nrcgi(plmn, cell.cellId());
    }

    /**
     * Periodic reports only carry the latest radio state, so a newer one may replace one still queued; A3 reports
     * announce a handover decision and are delivered like events.
     */
    private void latest(SubscriptionRegistry.Entry<RniSubscription> e, EmulatorEvent.MeasurementReport r,
                        Object notification) {
        if (r.trigger() == EmulatorEvent.ReportTrigger.PERIODICAL) {
            ctx.notifications().sendLatest(e.callback(), r.ueId(), e.id(), notification);
        } else {
            ctx.notifications().send(e.callback(), r.ueId(), notification);
        }
    }

    private MeasRepUeNotification measRepUe(EmulatorEvent.MeasurementReport r, Ecgi ecgi, Trigger trigger) {
        CellMeasurement s = r.measurements().get(0);
        List<EutranNeighbourCellMeasInfo> lte = new ArrayList<>();
        List<NewRadioMeasNeiInfo> nr = new ArrayList<>();
        for (CellMeasurement m : r.measurements().subList(1, r.measurements().size())) {
            EmulatedAccessPoint cell = emulator.accessPoint(m.cellId()).orElseThrow();
            if (cell.type() == AccessPointType.LTE_4G) {
                lte.add(new EutranNeighbourCellMeasInfo(ecgiOf(cell), m.rsrpIndex(), m.rsrqIndex(), null, null,
                        m.sinrIndex()));
            } else if (cell.type() == AccessPointType.NR_5G) {
                // TS 38.133: SS-RSRP 0..127 from -156 dBm in 1 dB steps, SS-RSRQ 0..127 from -43 dB in 0.5 dB steps
                int rsrp = Math.max(0, Math.min(127, (int) Math.floor(m.rsrpDbm() + 157)));
                int rsrq = Math.max(0, Math.min(127, (int) Math.floor((m.rsrqDb() + 43.5) * 2)));
                nr.add(new NewRadioMeasNeiInfo(List.of(new NewRadioMeasNeiInfo.NrNCellInfo(List.of(plmn),
                        cell.cellId())), rsrp, rsrq, null));
            }
        }
        return new MeasRepUeNotification(MeasRepUeNotification.TYPE, TimeStamp.of(r.time()),
                List.of(AssociateId.ipv4(ipv4Of(r.ueId()))), ecgi, s.rsrpIndex(), s.rsrqIndex(), null, null,
                s.sinrIndex(), trigger, null, lte.isEmpty() ? null : lte, nr.isEmpty() ? null : nr, null, null);
    }

    private static boolean inHost(SubscriptionRegistry.Entry<?> e, EmulatedAccessPoint a, EmulatedAccessPoint b) {
        return e.hostName() == null || e.hostName().equals(a.hostName()) || e.hostName().equals(b.hostName());
    }

    private static boolean associateMatches(List<AssociateId> filter, String ueId) {
        if (filter == null || filter.isEmpty()) {
            return true;
        }
        String v4 = ipv4Of(ueId);
        for (AssociateId a : filter) {
            if (a.value().equals(v4) || a.value().equals(ueId)) {
                return true;
            }
        }
        return false;
    }

    private Ecgi ecgiOf(EmulatedAccessPoint cell) {
        return new Ecgi(plmn, cell.cellId());
    }

    /** The IPv4 address of a UE: its scenario address without an {@code acr:} prefix. */
    public static String ipv4Of(String address) {
        return address.startsWith("acr:") ? address.substring(4) : address;
    }

    /** Subscriptions currently stored (for metrics and tests). */
    public int subscriptionCount() {
        return subscriptions.size();
    }

}
