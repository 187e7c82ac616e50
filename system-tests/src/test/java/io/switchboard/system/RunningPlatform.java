package io.switchboard.system;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.restassured.http.ContentType;
import io.switchboard.testsupport.Infra;
import io.switchboard.testsupport.ServiceProcess;

/**
 * Every packaged service plus the gateway as real processes on the test PostgreSQL and Kafka,
 * started once per test JVM and shared by the system tests (stopped by a shutdown hook).
 */
final class RunningPlatform {

    private static RunningPlatform instance;

    final ServiceProcess calls;
    final ServiceProcess contacts;
    final ServiceProcess campaigns;
    final ServiceProcess analytics;
    final ServiceProcess gateway;
    /** started on first use ({@link #simulator()}): only the end-to-end test dials */
    private ServiceProcess simulator;

    /** The gateway's super_admin (created at its start-up): grants credits to a test tenant. */
    static final String SUPER_ADMIN_EMAIL = "super-admin@system-tests.example";
    static final String SUPER_ADMIN_PASSWORD = "system tests super admin password";

    private RunningPlatform(Map<String, Map<String, String>> envByModule) {
        Infra.ensureStarted();
        // the stuck-call reconciler in provider-simulator time: a dial whose process died between recording the call and
        // asking the provider (no provider id, never a webhook) is answered outcome_unknown after 20 s, not 30 min
        Map<String, String> callsSettings = new java.util.HashMap<>(Map.of(
                "SWITCHBOARD_CALLS_RECONCILE_AFTER", "20s", "SWITCHBOARD_CALLS_RECONCILE_EVERY", "5s"));
        callsSettings.putAll(envByModule.getOrDefault("calls-service", Map.of()));
        CompletableFuture<ServiceProcess> callsF = start("calls-service", "SWITCHBOARD_CALLS_PORT", callsSettings);
        CompletableFuture<ServiceProcess> contactsF = start("contacts-service", "SWITCHBOARD_CONTACTS_PORT",
                envByModule.getOrDefault("contacts-service", Map.of()));
        CompletableFuture<ServiceProcess> campaignsF = start("campaigns-service", "SWITCHBOARD_CAMPAIGNS_PORT",
                envByModule.getOrDefault("campaigns-service", Map.of()));
        CompletableFuture<ServiceProcess> analyticsF = start("analytics-service", "SWITCHBOARD_ANALYTICS_PORT",
                envByModule.getOrDefault("analytics-service", Map.of()));
        List<CompletableFuture<ServiceProcess>> upstreams = List.of(callsF, contactsF, campaignsF, analyticsF);
        try {
            CompletableFuture.allOf(upstreams.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            // no shutdown hook yet: the services that did start would outlive this JVM and load every later run
            upstreams.forEach(f -> f.handle((service, error) -> {
                if (service != null) {
                    service.close();
                }
                return null;
            }).join());
            throw e;
        }
        calls = callsF.join();
        contacts = contactsF.join();
        campaigns = campaignsF.join();
        analytics = analyticsF.join();
        // every request of these tests comes from 127.0.0.1, and the fuzz test sends thousands as one tenant: lift
        // the per-client-IP and per-tenant limits (their own tests are in the gateway module; a caller may override)
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "SWITCHBOARD_FAILED_AUTH_PER_IP", "1000000",
                "SWITCHBOARD_SIGNUP_PER_IP", "1000000",
                "SWITCHBOARD_SIGNUP_GLOBAL", "1000000",
                "SWITCHBOARD_RATE_LIMIT_TENANT", "1000000",
                "SWITCHBOARD_RATE_LIMIT_API_KEY", "1000000",
                "SWITCHBOARD_SUPER_ADMIN_EMAIL", SUPER_ADMIN_EMAIL,
                "SWITCHBOARD_SUPER_ADMIN_PASSWORD", SUPER_ADMIN_PASSWORD));
        env.putAll(jvmOptions("gateway"));
        env.putAll(envByModule.getOrDefault("gateway", Map.of()));
        env.putAll(Map.of(
                "SWITCHBOARD_CALLS_URL", calls.url(),
                "SWITCHBOARD_CONTACTS_URL", contacts.url(),
                "SWITCHBOARD_CAMPAIGNS_URL", campaigns.url(),
                "SWITCHBOARD_ANALYTICS_URL", analytics.url()));
        try {
            gateway = ServiceProcess.start("gateway", "SWITCHBOARD_GATEWAY_PORT", env);
        } catch (RuntimeException e) {
            List.of(analytics, campaigns, contacts, calls).forEach(ServiceProcess::close);
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            List.of(gateway, analytics, campaigns, contacts, calls).forEach(ServiceProcess::close);
            synchronized (this) {
                if (simulator != null) {
                    simulator.close();
                }
            }
        }));
    }

    /**
     * The packaged provider simulator, webhooks to this gateway. Deliveries are retried for about a minute (8 attempts,
     * backoff from 500 ms doubling), as real providers do, so a gateway or calls-service restart loses none.
     */
    synchronized ServiceProcess simulator() {
        if (simulator == null) {
            simulator = ServiceProcess.start("provider-simulator", "SWITCHBOARD_SIMULATOR_PORT", Map.of(
                    "SWITCHBOARD_PUBLIC_BASE_URL", gateway.url(),
                    "SWITCHBOARD_SIMULATOR_DELIVERY_ATTEMPTS", "8",
                    "SWITCHBOARD_SIMULATOR_DELIVERY_BACKOFF", "500ms"));
        }
        return simulator;
    }

    /** The services in the order the end-to-end test kills and restarts them. */
    List<ServiceProcess> services() {
        return List.of(calls, contacts, campaigns, analytics, gateway);
    }

    static synchronized RunningPlatform get() {
        return get(Map.of());
    }

    /**
     * The first caller's settings win, as environment variables by module ({@code gateway}, {@code calls-service},
     * ...); the benchmark uses this to lift the rate limits, to keep calls-service off the dial requests the dialer
     * phase's stub provider answers, and to take the consumers of call events off for its intake-only webhook figure.
     */
    static synchronized RunningPlatform get(Map<String, Map<String, String>> envByModule) {
        if (instance == null) {
            instance = new RunningPlatform(envByModule);
        }
        return instance;
    }

    private static CompletableFuture<ServiceProcess> start(String module, String portEnv, Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.putAll(jvmOptions(module));
        return CompletableFuture.supplyAsync(() -> ServiceProcess.start(module, portEnv, all));
    }

    /** {@code -Dbench.jvm.<module>=...} reaches that service as JAVA_TOOL_OPTIONS (a profiler agent, GC flags). */
    static Map<String, String> jvmOptions(String module) {
        String options = System.getProperty("bench.jvm." + module, "");
        return options.isBlank() ? Map.of() : Map.of("JAVA_TOOL_OPTIONS", options);
    }

    String url() {
        return gateway.url();
    }

    /** Signs up a fresh organization through the gateway; its first user is an admin. */
    SignedUp signUp() {
        String slug = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        String email = slug + "@example.test";
        var response = given().baseUri(url()).contentType(ContentType.JSON).body(Map.of(
                "organization", Map.of("name", "Org " + slug, "slug", slug, "timeZone", "Europe/London"),
                "admin", Map.of("email", email, "password", "correct horse battery staple", "name", "Admin " + slug)))
                .post("/api/v1/auth/signup")
                .then().statusCode(201).extract();
        return new SignedUp(UUID.fromString(response.path("tenantId")), UUID.fromString(response.path("userId")),
                response.path("accessToken"), email);
    }

    record SignedUp(UUID tenantId, UUID userId, String accessToken, String email) {
        String bearer() {
            return "Bearer " + accessToken;
        }
    }
}
