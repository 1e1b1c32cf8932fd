package org.oneedge.it.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the module dependency rules of ARCHITECTURE.md ("Modules" table and the paragraph under it) and the checkable
 * rules of STYLE.md, so that a change which breaks the picture fails the build instead of drifting.
 *
 * <p>Rules name packages, not jars: modules that do not exist yet ({@code interworking}, {@code federation},
 * {@code handover}, {@code fl}, {@code swarm}) are covered as soon as their classes reach this module's test classpath,
 * and rules about them allow an empty subject until then. Only main classes are checked: test classes of every module
 * (including this one) are excluded. There are no known violations; every rule must hold as written.
 *
 * <pre>
 *   model            (Jackson only)          mec-api        (Jackson only)
 *     ^                                        ^
 *   cse  <- store-jdbc, binding-http/-mqtt   mec-platform
 *     ^                                        ^
 *   client (model, binding clients)            |
 *     ^            \________________________   |
 *   interworking, federation (client + mec-api only, never the CSE engine)
 *   handover (cse SPI + client + federation + mec-api), fl, swarm (client + federation)
 *     ^
 *   app (everything), testkit (cse + mec-platform), bench, it
 * </pre>
 */
class ArchitectureTest {

    private static final String ONEEDGE = "org.oneedge..";
    private static final String MODEL = "org.oneedge.model..";
    private static final String CSE = "org.oneedge.cse..";
    private static final String STORE = "org.oneedge.store..";
    private static final String BINDING = "org.oneedge.binding..";
    private static final String BINDING_HTTP = "org.oneedge.binding.http..";
    private static final String BINDING_MQTT = "org.oneedge.binding.mqtt..";
    private static final String CLIENT = "org.oneedge.client..";
    private static final String MEC = "org.oneedge.mec..";
    private static final String MEC_API = "org.oneedge.mec.api..";
    private static final String MEC_PLATFORM = "org.oneedge.mec.platform..";
    private static final String INTERWORKING = "org.oneedge.interworking..";
    private static final String FEDERATION = "org.oneedge.federation..";
    private static final String HANDOVER = "org.oneedge.handover..";
    private static final String FL = "org.oneedge.fl..";
    private static final String SWARM = "org.oneedge.swarm..";
    private static final String APP = "org.oneedge.app..";
    private static final String TESTKIT = "org.oneedge.testkit..";
    private static final String BENCH = "org.oneedge.bench..";

    private static final String JDK = "java..";
    private static final String JACKSON = "com.fasterxml.jackson..";
    private static final String SLF4J = "org.slf4j..";

    /** Transport libraries: the core (model, cse) compiles without any of them (STYLE.md "Shape"). */
    private static final String[] TRANSPORTS = {
        "java.net.http..", "com.sun.net.httpserver..", "org.eclipse.jetty..", "io.javalin..", "jakarta.servlet..",
        "com.hivemq..", "io.moquette..", "org.eclipse.paho..", "io.netty.."
    };

    private static JavaClasses oneEdge;

    @BeforeAll
    static void importMainClassesOfAllModules() {
        oneEdge = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.oneedge");
    }

    @Test
    void imports_the_main_classes_of_every_module_and_no_test_classes() {
        assertThat(List.of(MODEL, CSE, STORE, BINDING_HTTP, BINDING_MQTT, CLIENT, MEC_API, MEC_PLATFORM,
                INTERWORKING, FEDERATION, HANDOVER, APP, TESTKIT, BENCH))
                .as("every existing module has classes under the rules (otherwise they would pass vacuously)")
                .allSatisfy(pkg -> assertThat(oneEdge.that(resideInAPackage(pkg))).isNotEmpty());
        assertThat(oneEdge.stream().map(JavaClass::getName))
                .as("test classes of the modules are not checked")
                .noneMatch(name -> name.startsWith(ArchitectureTest.class.getPackageName()))
                .noneMatch(name -> name.endsWith("Test") || name.endsWith("IT"));
    }

    // ---------------------------------------------------------------- the module table, row by row

    @Test
    void model_depends_only_on_the_jdk_and_jackson() {
        classes().that().resideInAPackage(MODEL)
                .should().onlyDependOnClassesThat().resideInAnyPackage(MODEL, JDK, JACKSON)
                .because("oneedge-model holds the oneM2M types and knows no other OneEdge module (ARCHITECTURE.md)")
                .check(oneEdge);
    }

    @Test
    void cse_depends_on_no_binding_store_client_mec_or_outer_module() {
        noClasses().that().resideInAPackage(CSE)
                .should().dependOnClassesThat().resideInAnyPackage(BINDING, STORE, CLIENT, MEC, INTERWORKING,
                        FEDERATION, HANDOVER, FL, SWARM, APP, TESTKIT, BENCH)
                .because("the CSE engine may depend on oneedge-model only; outer modules plug in through "
                        + "SPIs the engine owns (ARCHITECTURE.md)")
                .check(oneEdge);
    }

    @Test
    void core_knows_no_transport() {
        noClasses().that().resideInAnyPackage(MODEL, CSE)
                .should().dependOnClassesThat().resideInAnyPackage(TRANSPORTS)
                .because("nothing in cse knows HTTP: the engine takes a Request and returns a Response, "
                        + "bindings only translate (ARCHITECTURE.md principle 3)")
                .check(oneEdge);
    }

    @Test
    void store_jdbc_depends_only_on_cse_model_and_jdbc_libraries() {
        classes().that().resideInAPackage(STORE)
                .should().onlyDependOnClassesThat().resideInAnyPackage(STORE, CSE, MODEL, JDK, "javax.sql..",
                        JACKSON, SLF4J, "org.h2..", "org.postgresql..", "org.flywaydb..", "com.zaxxer.hikari..")
                .because("a ResourceStore backend sits behind the engine-owned SPI (ARCHITECTURE.md, STYLE.md)")
                .check(oneEdge);
    }

    @Test
    void http_binding_does_not_depend_on_mqtt_binding() {
        noClasses().that().resideInAPackage(BINDING_HTTP)
                .should().dependOnClassesThat().resideInAPackage(BINDING_MQTT)
                .because("each binding only translates its own wire to Request/Response (ARCHITECTURE.md)")
                .check(oneEdge);
    }

    @Test
    void mqtt_binding_does_not_depend_on_http_binding() {
        noClasses().that().resideInAPackage(BINDING_MQTT)
                .should().dependOnClassesThat().resideInAPackage(BINDING_HTTP)
                .because("each binding only translates its own wire to Request/Response (ARCHITECTURE.md)")
                .check(oneEdge);
    }

    @Test
    void bindings_depend_on_no_client_store_mec_or_outer_module() {
        noClasses().that().resideInAPackage(BINDING)
                .should().dependOnClassesThat().resideInAnyPackage(CLIENT, STORE, MEC, INTERWORKING, FEDERATION,
                        HANDOVER, FL, SWARM, APP, TESTKIT, BENCH)
                .because("bindings may depend on cse (and model) only (ARCHITECTURE.md)")
                .check(oneEdge);
    }

    @Test
    void client_depends_on_no_store_mec_or_outer_module() {
        noClasses().that().resideInAPackage(CLIENT)
                .should().dependOnClassesThat().resideInAnyPackage(STORE, MEC, INTERWORKING, FEDERATION, HANDOVER,
                        FL, SWARM, APP, TESTKIT, BENCH)
                .because("the AE/device SDK may depend on model and the binding clients only (ARCHITECTURE.md)")
                .check(oneEdge);
    }

    @Test
    void mec_api_depends_only_on_the_jdk_and_jackson() {
        classes().that().resideInAPackage(MEC_API)
                .should().onlyDependOnClassesThat().resideInAnyPackage(MEC_API, JDK, JACKSON, SLF4J)
                .because("oneedge-mec-api holds ETSI MEC types and typed clients only (ARCHITECTURE.md)")
                .check(oneEdge);
    }

    @Test
    void mec_platform_depends_on_no_oneedge_module_but_mec_api() {
        noClasses().that().resideInAPackage(MEC_PLATFORM)
                .should().dependOnClassesThat(resideInAPackage(ONEEDGE)
                        .and(not(resideInAnyPackage(MEC_PLATFORM, MEC_API))))
                .because("the MEC platform may depend on oneedge-mec-api only, so a real MEC platform can replace "
                        + "it (ARCHITECTURE.md principle 1)")
                .check(oneEdge);
    }

    /**
     * The whole table at once, as arrows between modules (transitive "may depend on" included, since a module sees
     * what its dependencies expose). The specific rules above and below say the same things with better messages;
     * this one catches arrows nobody thought to forbid explicitly (e.g. federation -> handover).
     */
    @Test
    void modules_depend_only_down_the_table() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("model").definedBy(MODEL)
                .layer("cse").definedBy(CSE)
                .layer("store").definedBy(STORE)
                .layer("binding-http").definedBy(BINDING_HTTP)
                .layer("binding-mqtt").definedBy(BINDING_MQTT)
                .layer("client").definedBy(CLIENT)
                .layer("mec-api").definedBy(MEC_API)
                .layer("mec-platform").definedBy(MEC_PLATFORM)
                .layer("interworking").definedBy(INTERWORKING)
                .layer("federation").definedBy(FEDERATION)
                .layer("handover").definedBy(HANDOVER)
                .layer("fl").definedBy(FL)
                .layer("swarm").definedBy(SWARM)
                .layer("app").definedBy(APP)
                .layer("testkit").definedBy(TESTKIT)
                .layer("bench").definedBy(BENCH)

                .whereLayer("model").mayNotAccessAnyLayer()
                .whereLayer("cse").mayOnlyAccessLayers("model")
                .whereLayer("store").mayOnlyAccessLayers("cse", "model")
                .whereLayer("binding-http").mayOnlyAccessLayers("cse", "model")
                .whereLayer("binding-mqtt").mayOnlyAccessLayers("cse", "model")
                .whereLayer("client").mayOnlyAccessLayers("model", "binding-http", "binding-mqtt", "cse")
                .whereLayer("mec-api").mayNotAccessAnyLayer()
                .whereLayer("mec-platform").mayOnlyAccessLayers("mec-api")
                .whereLayer("interworking").mayOnlyAccessLayers(
                        "client", "mec-api", "model", "binding-http", "binding-mqtt")
                .whereLayer("federation").mayOnlyAccessLayers(
                        "client", "mec-api", "model", "binding-http", "binding-mqtt")
                .whereLayer("handover").mayOnlyAccessLayers(
                        "cse", "client", "federation", "mec-api", "model", "binding-http", "binding-mqtt")
                .whereLayer("fl").mayOnlyAccessLayers(
                        "client", "federation", "mec-api", "model", "binding-http", "binding-mqtt")
                .whereLayer("swarm").mayOnlyAccessLayers(
                        "client", "federation", "mec-api", "model", "binding-http", "binding-mqtt")
                .whereLayer("testkit").mayOnlyAccessLayers("cse", "model", "mec-platform", "mec-api")
                // app is "everything above"; it also runs the benchmark drivers (app -> bench, see
                // oneedge-bench/pom.xml), which the table does not show yet. Nothing's main code uses testkit.
                .whereLayer("app").mayOnlyAccessLayers("model", "cse", "store", "binding-http", "binding-mqtt",
                        "client", "mec-api", "mec-platform", "interworking", "federation", "handover", "fl",
                        "swarm", "bench")
                .whereLayer("testkit").mayOnlyBeAccessedByLayers("bench")
                .because("arrows point down the module table only (ARCHITECTURE.md)")
                .check(oneEdge);
    }

    // ---------------------------------------------------------------- oneM2M and MEC meet only in the domain modules

    @Test
    void mec_code_never_imports_onem2m_code() {
        noClasses().that().resideInAPackage(MEC)
                .should().dependOnClassesThat().resideInAnyPackage(MODEL, CSE, BINDING, CLIENT, STORE, TESTKIT)
                .because("MEC code never imports oneM2M code; only interworking, federation and handover (and the "
                        + "app wiring them) touch both (ARCHITECTURE.md)")
                .check(oneEdge);
    }

    @Test
    void onem2m_code_never_imports_mec_code() {
        noClasses().that().resideInAnyPackage(MODEL, CSE, BINDING, CLIENT, STORE)
                .should().dependOnClassesThat().resideInAPackage(MEC)
                .because("oneM2M code talks to MEC only through the ETSI MEC REST APIs, from interworking, "
                        + "federation or handover (ARCHITECTURE.md principle 1)")
                .check(oneEdge);
    }

    @Test
    void domain_modules_reach_a_cse_only_through_the_client() {
        noClasses().that().resideInAnyPackage(INTERWORKING, FEDERATION, FL, SWARM)
                .should().dependOnClassesThat().resideInAnyPackage(CSE, STORE)
                .because("domain modules reach a CSE only through CseClient, so the same code runs in-process in "
                        + "tests and across the network in deployments (ARCHITECTURE.md)")
                .allowEmptyShould(true)
                .check(oneEdge);
    }

    @Test
    void handover_reaches_other_nodes_through_the_client_and_touches_no_binding_directly() {
        noClasses().that().resideInAPackage(HANDOVER)
                .should().dependOnClassesThat().resideInAnyPackage(STORE, INTERWORKING, FL, SWARM, APP, TESTKIT,
                        BENCH, MEC_PLATFORM)
                .because("handover may depend on cse (its SPI), client, federation and mec-api (ARCHITECTURE.md)")
                .allowEmptyShould(true)
                .check(oneEdge);
    }

    @Test
    void nothing_depends_on_the_app_but_the_app() {
        noClasses().that().resideOutsideOfPackages(APP, BENCH)
                .should().dependOnClassesThat().resideInAPackage(APP)
                .because("oneedge-app wires everything and sits on top; libraries never call back into it")
                .check(oneEdge);
    }

    // ---------------------------------------------------------------- cycles

    @Test
    void cse_feature_packages_are_free_of_cycles() {
        slices().matching("org.oneedge.cse.(*)..").namingSlices("cse.$1")
                .should().beFreeOfCycles()
                .because("packages by feature inside the engine depend on each other in one direction (STYLE.md)")
                .check(oneEdge);
    }

    // ---------------------------------------------------------------- coding rules (STYLE.md)

    @Test
    void only_the_cli_and_benchmarks_write_to_standard_streams() {
        noClasses().that().resideOutsideOfPackages(APP, BENCH)
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("no System.out outside the CLI's own output; use SLF4J (STYLE.md)")
                .check(oneEdge);
    }

    @Test
    void only_the_app_reads_system_properties_and_environment() {
        noClasses().that().resideOutsideOfPackages(APP, TESTKIT)
                .should().callMethodWhere(readsSystemPropertiesOrEnvironment())
                .because("only oneedge-app reads files, flags and environment variables; libraries take a "
                        + "configuration record (STYLE.md)")
                .check(oneEdge);
    }

    @Test
    void nothing_uses_java_util_logging() {
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
                .because("logging goes through SLF4J with parameters (STYLE.md)")
                .check(oneEdge);
    }

    @Test
    void nothing_uses_field_injection() {
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION
                .because("components are wired by builders and constructors, not injection frameworks (STYLE.md)")
                .check(oneEdge);
    }

    private static DescribedPredicate<JavaMethodCall> readsSystemPropertiesOrEnvironment() {
        Map<String, Set<String>> readers = Map.of(
                System.class.getName(), Set.of("getProperty", "getProperties", "getenv"),
                Integer.class.getName(), Set.of("getInteger"),
                Long.class.getName(), Set.of("getLong"),
                Boolean.class.getName(), Set.of("getBoolean"));
        return DescribedPredicate.describe("System.getProperty/getProperties/getenv, Integer.getInteger, "
                + "Long.getLong or Boolean.getBoolean", call -> readers
                .getOrDefault(call.getTargetOwner().getName(), Set.of())
                .contains(call.getName()));
    }
}
