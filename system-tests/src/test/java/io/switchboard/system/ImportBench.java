package io.switchboard.system;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import io.restassured.path.json.JsonPath;
import io.switchboard.system.RunningPlatform.SignedUp;
import io.switchboard.testsupport.Infra;
import io.switchboard.testsupport.TestTokens;

/**
 * The list-import figure of {@code ./switchboard bench} (phase {@code imports}): a generated CSV of
 * {@code bench.import.rows} rows (1,000,000; realistic names, US national and international numbers, 2% invalid,
 * 5% repeats of earlier numbers) uploaded straight to contacts-service and timed from the first byte sent to the job's
 * end; the baseline is PostgreSQL {@code COPY} of exactly the contacts the import wrote (exported from the contact
 * table) into a copy of that table (same columns, indexes and constraints; no row-level security, which COPY FROM
 * refuses) in the same database, in the same run.
 * The service's peak heap while importing is sampled from its /q/metrics every 100 ms.
 */
final class ImportBench {

    private static final int ROWS = Integer.getInteger("bench.import.rows", 1_000_000);
    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+]+)",
            Pattern.MULTILINE);
    private static final String[] FIRST = {"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda",
        "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Ana",
        "José", "Zoë", "Mohammed", "Wei", "Olga", "Søren", "Amélie", "Hiroshi", "Priya", "Chidi", "Łukasz"};
    private static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Rodriguez", "Martinez", "Hernández", "Lopez", "Gonzalez", "Wilson", "Anderson", "Müller", "O'Brien", "Nguyen",
        "Kowalski", "Dubois", "Rossi", "Tanaka", "Okafor", "Patel", "Svensson", "Ivanova", "Smith-Jones", "De la Cruz"};
    private static final String[] US_AREAS = {"212", "415", "312", "617", "202", "305", "206", "512", "303", "404"};
    private static final String[] COMPANIES = {"Acme Corp", "Globex", "Initech", "Umbrella, Inc.", "Stark Industries",
        "Wayne Enterprises", "", "", ""};

    private ImportBench() {
    }

    static void run(RunningPlatform platform, SignedUp tenant) throws Exception {
        Path file = Files.createTempFile("bench-import-", ".csv");
        try {
            generate(file, ROWS);
            setDefaultRegion(tenant.tenantId(), "US");
            String bearer = "Bearer " + TestTokens.internal(tenant.tenantId(), tenant.userId().toString(), "admin",
                    TestTokens.ALL_SCOPES);
            HeapSampler heap = new HeapSampler(platform.contacts.url() + "/q/metrics");
            heap.start();
            long start = System.nanoTime();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(platform.contacts.url() + "/api/v1/imports?tag=bench&fileName=bench.csv"))
                    .header("Authorization", bearer).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
            }
            String id = JsonPath.from(response.body()).getString("id");
            double uploadSeconds = (System.nanoTime() - start) / 1e9;
            JsonPath job = awaitEnd(platform.contacts.url() + "/api/v1/imports/" + id, bearer);
            double seconds = (System.nanoTime() - start) / 1e9;
            long peakHeap = heap.stop();
            if (!"completed".equals(job.getString("status"))) {
                throw new IllegalStateException("the import ended " + job.getString("status") + ": " + job.getString("error"));
            }
            long imported = job.getLong("rowsImported");
            double copySeconds = copyBaseline(tenant.tenantId(), UUID.fromString(id));
            System.out.printf("%-34s %8.0f rows/s  %d rows in %.1f s (upload %.1f s): %d imported, %d skipped, %d failed;"
                    + " file %d MiB%n", "import CSV (" + ROWS + " rows)", ROWS / seconds, ROWS, seconds, uploadSeconds,
                    imported, job.getLong("rowsSkipped"), job.getLong("rowsFailed"), Files.size(file) >> 20);
            System.out.printf("%-34s %8.0f rows/s  the same %d contacts in %.1f s (baseline)%n", "PostgreSQL COPY",
                    imported / copySeconds, imported, copySeconds);
            System.out.printf("  -> import %.2f x COPY (goal >= 0.3); contacts-service peak heap %d MiB during the import%n",
                    copySeconds / seconds, peakHeap >> 20);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Deterministic (seeded) file: 70% US national numbers, 30% international, 2% invalid, 5% repeats. */
    static void generate(Path file, int rows) throws IOException {
        Random random = new Random(20261122);
        List<String> recent = new ArrayList<>();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("First Name,Last Name,Phone,Email,Company,City,Lead Score\n");
            for (int i = 0; i < rows; i++) {
                String first = FIRST[random.nextInt(FIRST.length)];
                String last = LAST[random.nextInt(LAST.length)];
                double dice = random.nextDouble();
                String phone;
                if (dice < 0.02) {
                    phone = "555-" + random.nextInt(100); // invalid everywhere
                } else if (dice < 0.07 && !recent.isEmpty()) {
                    phone = recent.get(random.nextInt(recent.size()));
                } else {
                    phone = number(i, random);
                    if (recent.size() < 10_000) {
                        recent.add(phone);
                    } else {
                        recent.set(random.nextInt(recent.size()), phone);
                    }
                }
                String company = COMPANIES[random.nextInt(COMPANIES.length)];
                out.write(first + "," + csv(last) + "," + phone + "," + (first + "." + last).toLowerCase().replaceAll("[^a-z.]", "")
                        + i + "@example.com," + csv(company) + ",Springfield," + random.nextInt(100) + "\n");
            }
        }
    }

    /** A valid number unique to row i: US national forms mostly, international (+44, +49, +33) for 30%. */
    private static String number(int i, Random random) {
        int k = i / 10;
        return switch (i % 10) {
            case 7 -> String.format("+44 20 7%03d %04d", k / 10_000 % 1000, k % 10_000);
            case 8 -> String.format("+49 30 %04d%04d", 2000 + k / 10_000 % 8000, k % 10_000);
            case 9 -> String.format("+33 1 %02d %02d %02d %02d", 40 + k / 1_000_000 % 50, k / 10_000 % 100, k / 100 % 100, k % 100);
            default -> {
                String area = US_AREAS[i % 10 % US_AREAS.length];
                String exchange = String.valueOf(200 + k / 10_000 % 700);
                String line = String.format("%04d", k % 10_000);
                yield random.nextBoolean() ? "(" + area + ") " + exchange + "-" + line : area + exchange + line;
            }
        };
    }

    private static String csv(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static JsonPath awaitEnd(String url, String bearer) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        while (true) {
            String body = client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            JsonPath job = JsonPath.from(body);
            if (!List.of("queued", "running").contains(job.getString("status"))) {
                return job;
            }
            Thread.sleep(100);
        }
    }

    private static void setDefaultRegion(UUID tenant, String region) throws SQLException {
        try (Connection db = connect(tenant); PreparedStatement insert = db.prepareStatement("""
                INSERT INTO contact_settings (tenant_id, default_region, updated_at) VALUES (?, ?, now())
                ON CONFLICT (tenant_id) DO UPDATE SET default_region = EXCLUDED.default_region""")) {
            insert.setObject(1, tenant);
            insert.setString(2, region);
            insert.executeUpdate();
        }
    }

    /** Seconds PostgreSQL's COPY takes to load the contacts the import wrote into a copy of the contact table. */
    private static double copyBaseline(UUID tenant, UUID importId) throws Exception {
        Path rows = Files.createTempFile("bench-contacts-", ".copy");
        try (Connection owner = DriverManager.getConnection(Infra.jdbcUrl("contacts"), Infra.DB_OWNER_USER,
                Infra.DB_OWNER_PASSWORD)) {
            try (Statement sql = owner.createStatement()) {
                sql.execute("SELECT set_config('app.tenant_id', '" + tenant + "', false)");
                sql.execute("DROP TABLE IF EXISTS bench_contact");
                // without row-level security: PostgreSQL refuses COPY FROM into a table with it (so the baseline is, if
                // anything, a little faster than COPY could be into the real table)
                sql.execute("CREATE TABLE bench_contact (LIKE contact INCLUDING ALL)");
            }
            // generated columns (the search vector) are computed by both tables and cannot be copied in
            String columns;
            try (Statement sql = owner.createStatement(); java.sql.ResultSet rs = sql.executeQuery("""
                    SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name = 'contact' AND is_generated = 'NEVER'""")) {
                rs.next();
                columns = rs.getString(1);
            }
            CopyManager copy = owner.unwrap(PGConnection.class).getCopyAPI();
            try (OutputStream out = Files.newOutputStream(rows)) {
                copy.copyOut("COPY (SELECT " + columns + " FROM contact WHERE tenant_id = '" + tenant + "' AND source_import_id = '"
                        + importId + "') TO STDOUT", out);
            }
            long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(rows)) {
                copy.copyIn("COPY bench_contact (" + columns + ") FROM STDIN", in);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            try (Statement sql = owner.createStatement()) {
                sql.execute("DROP TABLE bench_contact");
            }
            return seconds;
        } finally {
            Files.deleteIfExists(rows);
        }
    }

    private static Connection connect(UUID tenant) throws SQLException {
        Connection db = DriverManager.getConnection(Infra.jdbcUrl("contacts"), Infra.DB_USER, Infra.DB_PASSWORD);
        try (PreparedStatement setting = db.prepareStatement("SELECT set_config('app.tenant_id', ?, false)")) {
            setting.setString(1, tenant.toString());
            setting.execute();
        }
        return db;
    }

    /** The highest heap use /q/metrics reports (sum over the heap pools), sampled every 100 ms. */
    private static final class HeapSampler {

        private final String url;
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running;
        private Thread thread;

        HeapSampler(String url) {
            this.url = url;
        }

        void start() {
            running = true;
            HttpClient client = HttpClient.newHttpClient();
            thread = new Thread(() -> {
                while (running) {
                    try {
                        String metrics = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                                HttpResponse.BodyHandlers.ofString()).body();
                        Matcher m = HEAP.matcher(metrics);
                        long used = 0;
                        while (m.find()) {
                            used += (long) Double.parseDouble(m.group(1));
                        }
                        peak.accumulateAndGet(used, Math::max);
                        Thread.sleep(100);
                    } catch (IOException e) {
                        // a missed sample
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak.get();
        }
    }
}
