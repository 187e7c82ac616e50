package io.switchboard.demo;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code ./switchboard demo}: one whole campaign on the running platform, against the provider simulator, through
 * the gateway only — sign-up, provider connection, agent, DNC numbers, a ViciDial lead import, the campaign's audience
 * from the imported contacts, launch, live progress from the SSE stream, then KPIs, outcomes, the import's row errors
 * and where to look next.
 */
public final class Demo {

    private final Options options;
    private final PrintStream out;
    private final Api gateway;
    private final Api simulator;
    private final Api admin;
    private boolean reused;
    /** A live progress line is on the screen without its newline. */
    private static volatile boolean midLine;

    Demo(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.gateway = new Api(options.gateway(), "gateway");
        this.simulator = new Api(options.simulator(), "provider simulator");
        this.admin = new Api(options.gateway(), "gateway");
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Options options;
        try {
            options = Options.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("demo: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            out.println(Options.USAGE);
            return;
        }
        try {
            new Demo(options, out).run();
        } catch (DemoException e) {
            endLine(out);
            System.err.println("demo: " + e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) { // a bug of the demo itself: still one line, with what it was
            endLine(out);
            System.err.println("demo: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
            System.exit(1);
        }
    }

    private static void endLine(PrintStream out) {
        if (midLine) {
            out.println();
            midLine = false;
        }
    }

    void run() {
        preflight();
        String slug = "demo-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        SampleLeads leads = SampleLeads.generate(options.contacts(), options.seed());

        step("1/10", "Signing up the demo tenant");
        JsonNode tokens = signUpOrReuse(slug);
        gateway.token(tokens.path("accessToken").asText());

        step("2/10", "Granting it credits (as the platform's super_admin)");
        long credits = 10L * options.contacts();
        grantCredits(tokens.path("tenantId").asText(), credits);
        detail("%d credits (1 per started call minute; sign-up gives 15)", credits);

        step("3/10", "Configuring the provider simulator");
        simulator.put("/sim/config", simulatorSettings(options.timeFactor()));
        detail("time factor %s (a 60 s provider call lasts %.1f s); outcomes answered 60%%, busy 10%%, no answer 15%%,"
                + " voicemail 10%%, failed 5%%; no callbacks, no silent calls", options.timeFactor(), 60 * options.timeFactor());

        step("4/10", "Creating a provider connection to the simulator (" + options.provider() + ")");
        String apiKey = "demo-key-" + UUID.randomUUID();
        String secret = "demo-secret-" + UUID.randomUUID();
        ObjectNode connection = Api.JSON.createObjectNode().put("provider", options.provider())
                .put("name", "Provider simulator (" + options.provider() + ")").put("webhookSecret", secret)
                .put("apiKey", apiKey).put("apiBaseUrl", simulator.base() + "/" + options.provider());
        JsonNode created = gateway.post("/api/v1/provider-connections", connection);
        String connectionId = created.path("id").asText();
        simulator.post("/sim/accounts", Map.of("provider", options.provider(), "connectionId", connectionId,
                "apiKey", apiKey, "webhookSecret", secret, "webhookBaseUrl", gateway.base()));
        detail("connection %s -> %s/%s, webhooks to %s/webhooks/%s/%s", connectionId, simulator.base(),
                options.provider(), gateway.base(), options.provider(), connectionId);

        step("5/10", "Creating the agent");
        JsonNode agent = gateway.post("/api/v1/agents", Map.of("name", "Demo appointment setter",
                "connectionId", connectionId, "providerAgentId", "demo-agent-" + slug,
                "systemPrompt", "You confirm appointments politely and briefly.",
                "greeting", "Hello, this is the Switchboard demo calling about your appointment."));
        String agentId = agent.path("id").asText();
        detail("agent %s", agentId);

        step("6/10", "Putting " + leads.dncNumbers().size() + " numbers on the tenant's do-not-call list");
        for (String phone : leads.dncNumbers()) {
            gateway.post("/api/v1/dnc/lists/internal/numbers", Map.of("phone", phone, "reason", "asked not to be called",
                    "source", "api"));
        }

        step("7/10", "Importing " + leads.rows() + " leads (ViciDial format, " + String.join(" ", leads.regions()) + ")");
        String tag = slug;
        // an organization reused from an earlier run has the contacts already: update adds this run's tag to them
        JsonNode job = gateway.postText("/api/v1/imports?format=vicidial&delimiter=tab&duplicates="
                + (reused ? "update" : "skip") + "&tag=" + tag
                + "&fileName=demo-leads.txt", leads.text(), "text/plain");
        String importId = job.path("id").asText();
        job = waitForImport(importId);
        detail("import %s %s: %d rows, %d imported, %d updated, %d duplicates skipped, %d rejected, %d flagged"
                + " (do-not-call)", importId, job.path("status").asText(), job.path("rowsTotal").asLong(),
                job.path("rowsImported").asLong(), job.path("rowsUpdated").asLong(), job.path("rowsSkipped").asLong(),
                job.path("rowsFailed").asLong(), job.path("rowsFlagged").asLong());
        if (!"completed".equals(job.path("status").asText())) {
            throw new DemoException("the import ended " + job.path("status").asText() + ": " + job.path("error").asText());
        }
        long imported = leads.contacts(); // distinct valid numbers: created now, or updated with the tag

        step("8/10", "Creating the campaign and its audience (contacts tagged " + tag + ")");
        JsonNode campaign = gateway.post("/api/v1/campaigns", campaignSettings("Demo campaign " + slug, agentId,
                options.concurrency()));
        String campaignId = campaign.path("id").asText();
        gateway.put("/api/v1/dialer-settings", Map.of("maxConcurrentCalls", options.concurrency()));
        long queued = buildAudience(campaignId, tag, imported);
        detail("campaign %s: %d recipients; window 00:00-23:59 UTC every day (policy campaign), at most %d calls at once,"
                + " 1 retry after 1 minute", campaignId, queued, options.concurrency());

        step("9/10", "Launching it and following its progress (SSE " + "/api/v1/campaigns/" + campaignId + "/progress/stream)");
        gateway.post("/api/v1/campaigns/" + campaignId + "/launch", Map.of());
        Progress last = follow(campaignId);
        endLine(out);
        out.println();

        step("10/10", "Results");
        report(campaignId, importId, last);
    }

    /**
     * A new organization; when sign-ups from this address are used up (the gateway allows 5 an hour), the one an earlier
     * run signed up, whose admin the state file remembers.
     */
    private JsonNode signUpOrReuse(String slug) {
        String email = slug + "@demo.switchboard.test";
        String password = "demo-" + UUID.randomUUID();
        try {
            JsonNode tokens = gateway.post("/api/v1/auth/signup", Map.of(
                    "organization", Map.of("name", "Switchboard demo " + slug, "slug", slug, "timeZone", "UTC"),
                    "admin", Map.of("email", email, "password", password, "name", "Demo admin")));
            DemoState.save(options.stateFile(), new DemoState(email, password, tokens.path("tenantId").asText(), slug));
            detail("tenant %s (organization %s), admin %s / %s", tokens.path("tenantId").asText(), slug, email, password);
            return tokens;
        } catch (Api.Refused e) {
            DemoState earlier = e.status() == 429 ? DemoState.load(options.stateFile()) : null;
            if (earlier == null) {
                throw e;
            }
            JsonNode tokens = gateway.post("/api/v1/auth/login", Map.of("email", earlier.email(), "password",
                    earlier.password()));
            reused = true;
            detail("sign-ups from this address are used up for the hour: reusing organization %s (tenant %s) of an"
                    + " earlier run, admin %s / %s", earlier.slug(), earlier.tenantId(), earlier.email(), earlier.password());
            return tokens;
        }
    }

    private void preflight() {
        if (options.adminEmail() == null || options.adminPassword() == null) {
            throw new DemoException("no super_admin to grant the demo tenant credits: set SWITCHBOARD_SUPER_ADMIN_EMAIL and"
                    + " SWITCHBOARD_SUPER_ADMIN_PASSWORD (./switchboard up creates one in .switchboard/keys/super-admin)");
        }
        if (!gateway.ready("/q/health/ready")) {
            throw new DemoException("the platform is not up at " + gateway.base()
                    + " (start it with ./switchboard up, or point --gateway at it)");
        }
        if (gateway.status("/api/v1/campaigns") != 401) { // the gateway refuses a request without a token
            throw new DemoException("something answers at " + gateway.base() + " but it is not the Switchboard gateway"
                    + " (is the port taken by another program? ./switchboard status)");
        }
        if (!simulator.ready("/q/health/ready")) {
            throw new DemoException("the provider simulator is not up at " + simulator.base()
                    + " (./switchboard up starts it; see ./switchboard status and provider-simulator/README.md)");
        }
        if (simulator.status("/sim/config") != 200) {
            throw new DemoException("something answers at " + simulator.base() + " but it is not the provider simulator"
                    + " (is the port taken by another program? ./switchboard status)");
        }
        loginAdmin();
    }

    /** The super_admin, logged in before anything is created: a new organization has 15 credits, only it grants more. */
    private void loginAdmin() {
        JsonNode login;
        try {
            login = admin.post("/api/v1/auth/login", Map.of("email", options.adminEmail(), "password", options.adminPassword()));
        } catch (DemoException e) {
            throw new DemoException("the super_admin " + options.adminEmail() + " cannot log in (" + e.getMessage()
                    + "); it is created when the gateway starts: restart the platform with ./switchboard stop && ./switchboard up");
        }
        admin.token(login.path("accessToken").asText());
    }

    private void grantCredits(String tenantId, long amount) {
        admin.post("/api/v1/admin/tenants/" + tenantId + "/credits", Map.of("amount", amount, "type", "adjustment",
                "description", "switchboard demo"));
    }

    static Map<String, Object> simulatorSettings(double timeFactor) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("timeFactor", timeFactor);
        settings.put("outcomes", Map.of("answered", 0.6, "busy", 0.1, "noAnswer", 0.15, "voicemail", 0.1, "failed", 0.05,
                "silent", 0));
        // a callback is asked for a real day 1-2 days ahead, and a silent call waits for the stuck-call reconciler
        // (30 min): either would keep the campaign open long after the demo
        settings.put("answered", Map.of("callbackProbability", 0, "doNotCallProbability", 0.05));
        return settings;
    }

    /**
     * Calls can be placed now, whatever the wall clock: the window is the whole day in one zone (UTC, policy
     * {@code campaign}), every weekday. Under the {@code recipient} policy a list spanning Tokyo to San Francisco has
     * hardly any hour open in every zone at once. One retry, one minute later, keeps the run to a couple of minutes.
     */
    static Map<String, Object> campaignSettings(String name, String agentId, int concurrency) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("agentId", agentId);
        c.put("nextAction", "Confirm tomorrow's appointment; offer another time if it does not suit.");
        c.put("callingWindowStart", "00:00");
        c.put("callingWindowEnd", "23:59");
        c.put("allowedWeekdays", List.of(1, 2, 3, 4, 5, 6, 7));
        c.put("timeZonePolicy", "campaign");
        c.put("timeZone", "UTC");
        c.put("maxConcurrentCalls", concurrency);
        c.put("maxRetries", 1);
        c.put("retryMinutes", Map.of("busy", 1, "noAnswer", 1, "voicemail", 1, "failed", 1));
        return c;
    }

    private JsonNode waitForImport(String importId) {
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            JsonNode job = gateway.get("/api/v1/imports/" + importId);
            String status = job.path("status").asText();
            if (!status.equals("queued") && !status.equals("running")) {
                return job;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new DemoException("import " + importId + " still " + status + " after 2 minutes");
            }
            pause(Duration.ofMillis(500));
        }
    }

    /**
     * campaigns-service knows contacts through its replica of {@code switchboard.contacts} (eventually consistent):
     * add the tag's contacts until every imported one is queued, a few seconds at most.
     */
    private long buildAudience(String campaignId, String tag, long expected) {
        Instant deadline = Instant.now().plusSeconds(90);
        long queued = 0;
        while (true) {
            JsonNode upload = gateway.post("/api/v1/campaigns/" + campaignId + "/audience/tags", Map.of("tags", List.of(tag)));
            queued += upload.path("rowsQueued").asLong();
            if (queued >= expected) {
                return queued;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new DemoException("only " + queued + " of the " + expected + " imported contacts reached"
                        + " campaigns-service's contact replica after 90 s (is its switchboard.contacts consumer running?"
                        + " ./switchboard logs campaigns-service)");
            }
            pause(Duration.ofSeconds(1));
        }
    }

    private Progress follow(String campaignId) {
        ProgressBar bar = new ProgressBar(30);
        boolean live = options.live();
        AtomicReference<Progress> last = new AtomicReference<>();
        Instant deadline = Instant.now().plus(options.timeout());
        long[] lastPrinted = {0};
        AtomicReference<String> lastLine = new AtomicReference<>();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(options.timeout().toMillis());
                endLine(out);
                Progress p = last.get();
                System.err.println("demo: the campaign did not complete within " + options.timeout().toSeconds() + " s"
                        + (p == null ? "" : " (last progress: " + bar.render(p) + ")")
                        + "; it goes on running: GET /api/v1/campaigns/" + campaignId + "/progress");
                System.exit(1);
            } catch (InterruptedException e) {
                // finished in time
            }
        }, "demo-timeout");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            while (last.get() == null || !last.get().ended()) {
                gateway.stream("/api/v1/campaigns/" + campaignId + "/progress/stream", data -> {
                    Progress p = Progress.of(Api.parse(data));
                    last.set(p);
                    long now = System.currentTimeMillis();
                    if (live) {
                        out.print("\r\033[2K" + bar.render(p));
                        out.flush();
                        midLine = true;
                    } else {
                        String line = bar.render(p);
                        if (p.ended() || (now - lastPrinted[0] >= 5000 && !line.equals(lastLine.get()))
                                || now - lastPrinted[0] >= 30000) {
                            out.println(line);
                            lastPrinted[0] = now;
                            lastLine.set(line);
                        }
                    }
                    return !p.ended();
                });
                if (last.get() == null || !last.get().ended()) { // the stream broke off: follow it again
                    if (Instant.now().isAfter(deadline)) {
                        break;
                    }
                    pause(Duration.ofSeconds(1));
                }
            }
        } finally {
            watchdog.interrupt();
        }
        if (live && last.get() != null) {
            out.print("\r\033[2K" + bar.render(last.get()));
        }
        return last.get();
    }

    private void report(String campaignId, String importId, Progress progress) {
        JsonNode campaign = gateway.get("/api/v1/campaigns/" + campaignId);
        JsonNode c = campaign.path("counters");
        out.printf(Locale.ROOT, "  Campaign %s: %s in %s%n", campaign.path("name").asText(), campaign.path("status").asText(),
                duration(campaign.path("startedAt").asText(null), campaign.path("completedAt").asText(null)));
        out.printf(Locale.ROOT, "  Dials %d (calls placed), skipped by dial-time checks %d, expired %d%n",
                c.path("dialed").asLong(), c.path("skipped").asLong(), c.path("expired").asLong());
        out.println("  Call outcomes (campaign counters: what each finished call did to its contact's row):");
        for (String[] kv : new String[][] {{"completed", "answered, conversation"}, {"busy", "busy"},
                {"noAnswer", "no answer"}, {"voicemail", "voicemail"}, {"failed", "failed"}, {"dnc", "asked not to be called"}}) {
            out.printf(Locale.ROOT, "    %-24s %5d%n", kv[1], c.path(kv[0]).asLong());
        }
        Map<String, Long> dispositions = dispositions(campaignId);
        out.printf(Locale.ROOT, "  Calls by disposition (calls-service, %d calls):%n",
                dispositions.values().stream().mapToLong(Long::longValue).sum());
        dispositions.forEach((k, v) -> out.printf(Locale.ROOT, "    %-24s %5d%n", k, v));
        out.println("  Contacts by final state (queue rows):");
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("completed", progress.completed());
        rows.put("busy (no retry left)", progress.busy());
        rows.put("no answer / voicemail", progress.noAnswer());
        rows.put("failed", progress.failed());
        rows.put("cancelled (do-not-call)", progress.cancelled());
        rows.forEach((k, v) -> out.printf(Locale.ROOT, "    %-24s %5d%n", k, v));

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode kpis = gateway.get("/api/v1/analytics/tenant/summary?from=" + today + "&to=" + today);
        out.printf(Locale.ROOT, "  Analytics KPIs today (analytics-service): %s%n", kpiLine(kpis));

        List<JsonNode> errors = importErrors(importId);
        out.printf(Locale.ROOT, "  Import %s: %d rows reported%n", importId, errors.size());
        for (JsonNode e : errors) {
            out.printf(Locale.ROOT, "    row %-4s %-13s %-16s %s%n", e.path("row").asText(), e.path("column").asText(""),
                    quote(e.path("value").asText("")), e.path("reason").asText());
        }

        out.println();
        out.println("Where to look next:");
        out.println("  Swagger UI:  " + gateway.base() + "/q/swagger-ui");
        out.println("  This tenant: log in with the admin above, e.g. GET " + gateway.base() + "/api/v1/calls?campaignId="
                + campaignId);
        out.println("  Simulator:   " + simulator.base() + "/sim/stats  (what it received and sent, per number)");
        out.println("  Topics:      switchboard.contacts, switchboard.campaigns, switchboard.dials, switchboard.calls,"
                + " switchboard.credits");
        out.println("  Read one:    ./switchboard demo tail switchboard.calls --from-beginning   (Kafka on localhost:"
                + options.kafkaPort() + "; any console consumer works too)");
    }

    private static String kpiLine(JsonNode kpis) {
        List<String> parts = new ArrayList<>();
        kpis.fields().forEachRemaining(f -> {
            if (f.getValue().isNumber()) {
                parts.add(f.getKey() + " " + f.getValue().asText());
            }
        });
        return parts.isEmpty() ? kpis.toString() : String.join(", ", parts);
    }

    /** The campaign's calls counted by disposition, most frequent first (every page of GET /api/v1/calls). */
    private Map<String, Long> dispositions(String campaignId) {
        Map<String, Long> counts = new java.util.HashMap<>();
        String cursor = null;
        do {
            JsonNode page = gateway.get("/api/v1/calls?campaignId=" + campaignId + "&limit=200"
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            page.path("items").forEach(call -> counts.merge(call.path("disposition").asText("none"), 1L, Long::sum));
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private List<JsonNode> importErrors(String importId) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = gateway.get("/api/v1/imports/" + importId + "/errors?limit=100"
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            page.path("items").forEach(all::add);
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null && all.size() < 1000);
        return all;
    }

    private static String quote(String value) {
        return "\"" + value + "\"";
    }

    static String duration(String from, String to) {
        if (from == null || to == null) {
            return "-";
        }
        Duration d = Duration.between(java.time.OffsetDateTime.parse(from), java.time.OffsetDateTime.parse(to));
        return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }

    private void step(String n, String text) {
        out.println("[" + n + "] " + text);
    }

    private void detail(String format, Object... args) {
        out.println("      " + String.format(Locale.ROOT, format, args));
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted");
        }
    }
}
