package io.switchboard.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.switchboard.system.PublicApi.Operation;
import io.switchboard.system.PublicApi.Parameter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Bad input, everywhere. For every operation in the gateway's merged OpenAPI document (so a new endpoint
 * is fuzzed the moment it is documented), this sends boundary and malformed values for each parameter
 * and each body field (huge and negative numbers, overlong strings, wrong types, unicode and control
 * characters, missing and extra fields), malformed bodies and wrong content types, through the gateway
 * to the real services, and holds every answer to the same rules:
 * <ul>
 * <li>never a 5xx;</li>
 * <li>every error is {@code application/problem+json} whose {@code status} matches the response;</li>
 * <li>a 400 caused by one bad parameter or field names it (in {@code errors[].field} or the detail);</li>
 * <li>a malformed query parameter is a 400, never a 404.</li>
 * </ul>
 * The deterministic sweep tries every value on every target; the jqwik property adds random
 * combinations of several bad fields with arbitrary unicode.
 */
class OpenApiFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private static final String PASSWORD = "correct horse battery staple";
    /** Built once: every array field of every operation gets it (it is only serialized, never changed). */
    private static final ArrayNode HUGE_ARRAY = NODES.arrayNode();

    static {
        for (int i = 0; i < 10_000; i++) {
            HUGE_ARRAY.add("x" + i);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static RunningPlatform platform;
    private static PublicApi api;
    private static RunningPlatform.SignedUp tenant;
    private static volatile String bearer;
    private static final Map<String, Integer> baselineStatus = new LinkedHashMap<>();
    private static final Map<Integer, Integer> statusHistogram = Collections.synchronizedMap(new TreeMap<>());

    // ---- what goes wrong where ------------------------------------------------------------------------------

    /** Where a bad value is put: a parameter ({@code in} = query/path/header), a body field, or the whole body. */
    record Target(String in, String name, List<Object> path) {

        static Target parameter(Parameter p) {
            return new Target(p.in(), p.name(), List.of());
        }

        static Target field(List<Object> path) {
            StringBuilder name = new StringBuilder();
            for (Object segment : path) {
                if (segment instanceof Integer index) {
                    name.append('[').append(index).append(']');
                } else {
                    name.append(name.isEmpty() ? "" : ".").append(segment);
                }
            }
            return new Target("body-field", name.toString(), List.copyOf(path));
        }

        static final Target BODY = new Target("body", "", List.of());

        /** The property or parameter name an error about this target must mention. */
        String leaf() {
            for (int i = path.size() - 1; i >= 0; i--) {
                if (path.get(i) instanceof String s) {
                    return s;
                }
            }
            return name;
        }
    }

    /**
     * One bad value. For parameters and whole bodies {@code raw} is the literal text; for fields
     * {@code value} is the JSON put there, or {@code remove} drops the field.
     */
    record Bad(String label, JsonNode value, String raw, String contentType, boolean remove) {

        static Bad json(String label, JsonNode value) {
            return new Bad(label, value, null, null, false);
        }

        static Bad raw(String label, String raw) {
            return new Bad(label, null, raw, null, false);
        }
    }

    record Probe(Operation op, List<Map.Entry<Target, Bad>> mutations) {

        static Probe of(Operation op, Target target, Bad bad) {
            return new Probe(op, List.of(Map.entry(target, bad)));
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder(op.toString());
            for (Map.Entry<Target, Bad> m : mutations) {
                out.append(" [").append(m.getKey().in()).append(' ').append(m.getKey().name()).append(" = ")
                        .append(m.getValue().label()).append(']');
            }
            return out.toString();
        }
    }

    // ---- the tests --------------------------------------------------------------------------------------------

    @BeforeContainer
    static void platformAndCaller() {
        platform = RunningPlatform.get();
        api = PublicApi.of(platform.url());
        tenant = platform.signUp();
        bearer = tenant.bearer();
        for (Operation op : api.operations) {
            baselineStatus.put(op.toString(), send(new Probe(op, List.of())).statusCode());
        }
    }

    @AfterContainer
    static void report() {
        System.out.printf("fuzz: %d operations, responses by status %s%n", api == null ? 0 : api.operations.size(),
                statusHistogram);
    }

    @Example
    void noOperationFailsOnItsValidBaselineRequest() {
        List<String> failures = new ArrayList<>();
        baselineStatus.forEach((op, status) -> {
            if (status >= 500) {
                failures.add(op + " -> " + status);
            }
        });
        assertTrue(api.operations.size() >= 20, "only " + api.operations.size() + " operations documented");
        assertTrue(failures.isEmpty(), "5xx on plain requests: " + failures);
    }

    @Example
    void everyParameterAndBodyFieldSurvivesBoundaryAndMalformedValues() {
        List<String> failures = new ArrayList<>();
        int probes = 0;
        for (Operation op : api.operations) {
            for (Parameter p : op.parameters()) {
                for (Bad bad : badParameterValues()) {
                    probes++;
                    check(Probe.of(op, Target.parameter(p), bad), failures);
                }
            }
            if (op.body() != null) {
                for (List<Object> field : fields(op.body(), new ArrayList<>(), 0)) {
                    JsonNode schema = schemaAt(op.body(), field);
                    for (Bad bad : badFieldValues(schema)) {
                        probes++;
                        check(Probe.of(op, Target.field(field), bad), failures);
                    }
                }
                probes++;
                check(Probe.of(op, Target.field(List.of("zzUnexpectedField")),
                        Bad.json("an extra field", NODES.textNode("surprise"))), failures);
            }
        }
        System.out.printf("fuzz: %d parameter and field probes, %d rule violations%n", probes, failures.size());
        assertTrue(failures.isEmpty(), summary(failures));
    }

    @Example
    void malformedBodiesAndWrongContentTypesGetProblemsNotErrors() {
        List<String> failures = new ArrayList<>();
        for (Operation op : api.operations) {
            if (op.body() == null) {
                continue;
            }
            for (Bad bad : badBodies()) {
                check(Probe.of(op, Target.BODY, bad), failures);
            }
        }
        assertTrue(failures.isEmpty(), summary(failures));
    }

    @Property(tries = 300, shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void randomlyCorruptedRequestsNeverGetA5xxOrABareError(@ForAll("corruptedRequests") Probe probe) {
        List<String> failures = new ArrayList<>();
        check(probe, failures);
        assertTrue(failures.isEmpty(), summary(failures));
    }

    @Provide
    Arbitrary<Probe> corruptedRequests() {
        List<Operation> fuzzable = api.operations.stream()
                .filter(op -> op.body() != null || !op.parameters().isEmpty()).toList();
        return Arbitraries.of(fuzzable).flatMap(op -> {
            List<Target> targets = new ArrayList<>();
            op.parameters().forEach(p -> targets.add(Target.parameter(p)));
            if (op.body() != null) {
                fields(op.body(), new ArrayList<>(), 0).forEach(f -> targets.add(Target.field(f)));
            }
            Arbitrary<Map.Entry<Target, Bad>> one = Combinators.combine(Arbitraries.of(targets), arbitraryBad())
                    .as((t, b) -> Map.entry(t, t.in().equals("body-field") ? b : Bad.raw(b.label(), rawOf(b))));
            return one.list().ofMinSize(1).ofMaxSize(3).map(m -> new Probe(op, m));
        });
    }

    // ---- bad values ---------------------------------------------------------------------------------------------

    private static List<Bad> badParameterValues() {
        List<Bad> values = new ArrayList<>();
        for (String v : List.of("abc", "-1", "0", "2147483648", "99999999999999999999", "1.5", "", " ", "%", "null",
                "true", "2026-13-45", "\u0000", "nul\u0000inside", "\u001b[2J", "😀👩‍👩‍👧‍👦", "\u202eevil",
                "' OR '1'='1", "../../etc/passwd", "x".repeat(1500))) {
            values.add(Bad.raw(label(v), v));
        }
        return values;
    }

    private static List<Bad> badFieldValues(JsonNode schema) {
        List<Bad> values = new ArrayList<>();
        values.add(new Bad("missing", null, null, null, true));
        values.add(Bad.json("null", NODES.nullNode()));
        values.add(Bad.json("an object", NODES.objectNode().put("a", 1)));
        values.add(Bad.json("an array", NODES.arrayNode().add(1)));
        String type = schema.path("type").asText("");
        switch (type) {
            case "integer", "number" -> {
                values.add(Bad.json("-1", NODES.numberNode(-1)));
                values.add(Bad.json("0", NODES.numberNode(0)));
                values.add(Bad.json("2^31", NODES.numberNode(2147483648L)));
                values.add(Bad.json("2^63", NODES.numberNode(new BigInteger("9223372036854775808"))));
                values.add(Bad.json("-2^63-1", NODES.numberNode(new BigInteger("-9223372036854775809"))));
                values.add(Bad.json("1e308", NODES.numberNode(1e308)));
                values.add(Bad.json("1.5", NODES.numberNode(1.5)));
                values.add(Bad.json("a string", NODES.textNode("abc")));
                values.add(Bad.json("true", NODES.booleanNode(true)));
            }
            case "boolean" -> {
                values.add(Bad.json("a string", NODES.textNode("maybe")));
                values.add(Bad.json("2", NODES.numberNode(2)));
            }
            case "array" -> {
                values.add(Bad.json("a string", NODES.textNode("x")));
                values.add(Bad.json("10,000 items", HUGE_ARRAY));
                values.add(Bad.json("[null]", NODES.arrayNode().addNull()));
                values.add(Bad.json("nested arrays", NODES.arrayNode().add(NODES.arrayNode().add(NODES.arrayNode()))));
            }
            case "object" -> {
                values.add(Bad.json("a string", NODES.textNode("x")));
                values.add(Bad.json("42", NODES.numberNode(42)));
            }
            default -> {
                for (String v : List.of("", "   ", "x".repeat(10_000), "\u0000", "nul\u0000inside", "\u001b[2J\u0007",
                        "😀".repeat(300), "\u202eevil", "' OR '1'='1", "../../etc/passwd", "a@" + "b".repeat(300) + ".test")) {
                    values.add(Bad.json(label(v), NODES.textNode(v)));
                }
                values.add(Bad.json("12345", NODES.numberNode(12345)));
                values.add(Bad.json("true", NODES.booleanNode(true)));
            }
        }
        return values;
    }

    private static List<Bad> badBodies() {
        String valid = "{}";
        return List.of(
                Bad.raw("truncated JSON", "{\"a\":"),
                Bad.raw("a bare brace", "{"),
                Bad.raw("an array", "[]"),
                Bad.raw("null", "null"),
                Bad.raw("a string", "\"x\""),
                Bad.raw("a number", "42"),
                Bad.raw("empty", ""),
                Bad.raw("an empty object", "{}"),
                Bad.raw("deeply nested", "[".repeat(5000) + "]".repeat(5000)),
                Bad.raw("NUL bytes", "{\"\u0000\":\"\u0000\"}"),
                new Bad("text/plain", null, valid, "text/plain", false),
                new Bad("XML", null, "<a/>", "application/xml", false),
                new Bad("a form", null, "a=b", "application/x-www-form-urlencoded", false),
                new Bad("no content type", null, valid, "", false));
    }

    private static Arbitrary<Bad> arbitraryBad() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(400).map(s -> Bad.json("random text " + label(s), NODES.textNode(s))),
                Arbitraries.longs().map(l -> Bad.json("long " + l, NODES.numberNode(l))),
                Arbitraries.bigIntegers().between(new BigInteger("-1" + "0".repeat(40)), new BigInteger("1" + "0".repeat(40)))
                        .map(b -> Bad.json("big " + b, NODES.numberNode(b))),
                Arbitraries.doubles().map(d -> Bad.json("double " + d, NODES.numberNode(d))),
                Arbitraries.of(true, false).map(b -> Bad.json(String.valueOf(b), NODES.booleanNode(b))),
                Arbitraries.just(Bad.json("null", NODES.nullNode())),
                Arbitraries.just(new Bad("missing", null, null, null, true)));
    }

    private static String rawOf(Bad bad) {
        if (bad.value() == null) {
            return "";
        }
        return bad.value().isTextual() ? bad.value().asText() : bad.value().toString();
    }

    private static String label(String v) {
        String shown = v.length() > 24 ? v.substring(0, 24) + "…(" + v.length() + " chars)" : v;
        StringBuilder out = new StringBuilder("\"");
        shown.codePoints().forEach(c -> out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : Character.toString(c)));
        return out.append('"').toString();
    }

    // ---- requests ----------------------------------------------------------------------------------------------

    private static void check(Probe probe, List<String> failures) {
        HttpResponse<String> response = send(probe);
        if (response.statusCode() == 401 && !probe.op().anonymous()) {
            // a probe of logout or of the session endpoints may have ended our own session: sign in again
            relogin();
            response = send(probe);
        }
        statusHistogram.merge(response.statusCode(), 1, Integer::sum);
        String violation = violation(probe, response);
        if (violation != null) {
            failures.add(probe + " -> " + violation);
        }
    }

    /** What the response breaks of this test's rules, or null. */
    private static String violation(Probe probe, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        if (status >= 500) {
            return status + " " + abbreviate(body);
        }
        if (status < 400) {
            return null;
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("application/problem+json")) {
            return status + " is not problem+json (Content-Type '" + contentType + "'): " + abbreviate(body);
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (IOException e) {
            return status + " with an unreadable problem body: " + abbreviate(body);
        }
        if (problem.path("status").asInt() != status) {
            return status + " but the problem says status " + problem.path("status");
        }
        if (probe.mutations().size() != 1 || probe.mutations().get(0).getKey() == null) {
            return null;
        }
        Target target = probe.mutations().get(0).getKey();
        int baseline = baselineStatus.getOrDefault(probe.op().toString(), 0);
        if (target.in().equals("query") && status == 404 && baseline != 404) {
            return "404 for a malformed query parameter (want 400 naming " + target.name() + ")";
        }
        if (target.in().equals("path") && status == 400 && problem.path("type").asText().endsWith("/bad-path")) {
            return null; // the value made the path itself non-canonical ('', '..', encoded '/' or controls): the gateway names the path
        }
        boolean single = !target.in().equals("body") && !target.name().equals("zzUnexpectedField");
        if (single && status == 400 && baseline != 400 && !names(problem, target.leaf())) {
            return "400 that does not name " + target.name() + ": " + abbreviate(body);
        }
        return null;
    }

    private static boolean names(JsonNode problem, String leaf) {
        for (JsonNode error : problem.path("errors")) {
            if (error.path("field").asText().contains(leaf)) {
                return true;
            }
        }
        return problem.path("detail").asText().contains(leaf);
    }

    private static HttpResponse<String> send(Probe probe) {
        Operation op = probe.op();
        Map<Target, Bad> mutations = new LinkedHashMap<>();
        if (probe.mutations() != null) {
            probe.mutations().forEach(m -> {
                if (m.getKey() != null) {
                    mutations.put(m.getKey(), m.getValue());
                }
            });
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (Parameter p : op.parameters()) {
            Bad bad = mutations.get(Target.parameter(p));
            if (bad != null) {
                if (bad.raw() != null) {
                    params.put(p.in() + ":" + p.name(), bad.raw());
                }
            } else if (p.required() || p.in().equals("path")) {
                params.put(p.in() + ":" + p.name(), sample(p.schema(), p.name(), 0).asText());
            }
        }
        Matcher m = PATH_PARAM.matcher(op.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = params.getOrDefault("path:" + m.group(1), UUID.randomUUID().toString());
            m.appendReplacement(path, Matcher.quoteReplacement(encode(value).replace("+", "%20")));
        }
        m.appendTail(path);
        StringBuilder query = new StringBuilder();
        params.forEach((key, value) -> {
            if (key.startsWith("query:")) {
                query.append(query.isEmpty() ? "?" : "&").append(encode(key.substring(6))).append('=').append(encode(value));
            }
        });

        String body = null;
        String contentType = "application/json";
        Bad whole = mutations.get(Target.BODY);
        if (whole != null) {
            body = whole.raw();
            contentType = whole.contentType() != null ? whole.contentType() : contentType;
        } else if (op.body() != null) {
            JsonNode json = sample(op.body(), "", 0);
            for (Map.Entry<Target, Bad> mutation : mutations.entrySet()) {
                if (mutation.getKey().in().equals("body-field")) {
                    json = apply(json, mutation.getKey().path(), mutation.getValue());
                }
            }
            body = json.toString();
        }

        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.url() + path + query))
                .timeout(Duration.ofSeconds(30))
                .method(op.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null && !contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        if (!op.anonymous()) {
            request.header("Authorization", bearer);
        }
        params.forEach((key, value) -> {
            if (key.startsWith("header:") && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                request.header(key.substring(7), value);
            }
        });
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(probe + ": the gateway dropped the connection (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void relogin() {
        HttpRequest login = HttpRequest.newBuilder(URI.create(platform.url() + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(NODES.objectNode().put("email", tenant.email())
                        .put("password", PASSWORD).toString()))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(login, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                bearer = "Bearer " + JSON.readTree(response.body()).path("accessToken").asText();
            }
        } catch (IOException e) {
            throw new AssertionError("login failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ---- schemas -----------------------------------------------------------------------------------------------

    /** Paths of every field to corrupt: properties of objects (nested two levels) and the first item of arrays. */
    private static List<List<Object>> fields(JsonNode schema, List<Object> prefix, int depth) {
        List<List<Object>> out = new ArrayList<>();
        JsonNode resolved = api.resolve(schema);
        if (depth > 2) {
            return out;
        }
        resolved.path("properties").fields().forEachRemaining(property -> {
            List<Object> path = new ArrayList<>(prefix);
            path.add(property.getKey());
            out.add(path);
            JsonNode child = api.resolve(property.getValue());
            if (child.has("properties")) {
                out.addAll(fields(child, path, depth + 1));
            } else if ("array".equals(child.path("type").asText())) {
                List<Object> item = new ArrayList<>(path);
                item.add(0);
                out.add(item);
            }
        });
        return out;
    }

    private static JsonNode schemaAt(JsonNode schema, List<Object> path) {
        JsonNode current = api.resolve(schema);
        for (Object segment : path) {
            current = api.resolve(segment instanceof Integer ? current.path("items") : current.path("properties").path((String) segment));
        }
        return current;
    }

    /** A plausible valid value, so that a probe changes one thing and the rest gets past validation. */
    private static JsonNode sample(JsonNode schema, String name, int depth) {
        JsonNode s = api.resolve(schema);
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(0);
        }
        String type = s.path("type").asText(s.has("properties") ? "object" : "string");
        String lower = name.toLowerCase();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return switch (type) {
            case "integer", "number" -> NODES.numberNode(Math.max(1, s.path("minimum").asLong(1)));
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> NODES.arrayNode().add(sample(s.path("items"), name, depth + 1));
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    s.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), sample(p.getValue(), p.getKey(), depth + 1)));
                }
                yield object;
            }
            default -> {
                String format = s.path("format").asText("");
                String value;
                if (format.equals("uuid")) {
                    value = UUID.randomUUID().toString();
                } else if (format.equals("date")) {
                    value = LocalDate.now(ZoneOffset.UTC).toString();
                } else if (format.equals("date-time")) {
                    value = OffsetDateTime.now(ZoneOffset.UTC).toString();
                } else if (format.equals("email") || lower.contains("email")) {
                    value = "fz" + Long.toHexString(random.nextLong()) + "@example.test";
                } else if (lower.contains("phone") || lower.endsWith("number")) {
                    value = "+1415555" + String.format("%04d", random.nextInt(10_000));
                } else if (lower.contains("zone")) {
                    value = "Europe/London";
                } else if (lower.contains("password")) {
                    value = PASSWORD;
                } else if (lower.equals("slug")) {
                    value = "fz" + Long.toHexString(random.nextLong());
                } else if (lower.contains("scope")) {
                    value = "calls:read";
                } else if (lower.equals("role")) {
                    value = "user";
                } else {
                    value = "fuzz " + Integer.toHexString(random.nextInt());
                }
                int min = s.path("minLength").asInt(0);
                yield NODES.textNode(value.length() >= min ? value : value + "x".repeat(min - value.length()));
            }
        };
    }

    /** The body with {@code bad} put at {@code path} (or the field removed); containers on the way are created. */
    private static JsonNode apply(JsonNode body, List<Object> path, Bad bad) {
        if (!(body instanceof ObjectNode)) {
            return body;
        }
        JsonNode parent = body;
        for (int i = 0; i < path.size() - 1; i++) {
            Object segment = path.get(i);
            JsonNode next = segment instanceof Integer index ? parent.path(index) : parent.path((String) segment);
            if (next.isMissingNode() || next.isNull() || !next.isContainerNode()) {
                return body; // an earlier mutation replaced the container: nothing to corrupt inside it
            }
            parent = next;
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object && last instanceof String field) {
            if (bad.remove()) {
                object.remove(field);
            } else {
                object.set(field, bad.value().deepCopy()); // a later mutation may write inside it
            }
        } else if (parent instanceof ArrayNode array && last instanceof Integer index) {
            if (bad.remove()) {
                if (array.size() > index) {
                    array.remove((int) index);
                }
            } else if (array.size() > index) {
                array.set(index, bad.value().deepCopy());
            } else {
                array.add(bad.value().deepCopy());
            }
        }
        return body;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private static String summary(List<String> failures) {
        try { // the whole list, for whoever fixes them (the assertion message shows the first 40)
            java.nio.file.Files.write(java.nio.file.Path.of("target", "fuzz-violations.txt"), failures,
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("cannot write target/fuzz-violations.txt: " + e);
        }
        StringBuilder out = new StringBuilder(failures.size() + " requests broke the bad-input rules:");
        failures.stream().limit(40).forEach(f -> out.append("\n  ").append(f));
        if (failures.size() > 40) {
            out.append("\n  … and ").append(failures.size() - 40).append(" more");
        }
        return out.toString();
    }
}
