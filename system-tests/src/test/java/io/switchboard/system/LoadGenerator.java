package io.switchboard.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Drives one HTTP request shape at a fixed number of connections for a fixed time. {@code wrk} (C, event
 * driven, HdrHistogram latencies) is used when it is on the PATH, so the generator is not what limits the
 * figures; otherwise a JDK client with one thread per connection. Every figure of one bench run, baselines
 * included, comes from the same generator.
 */
interface LoadGenerator {

    record Request(String method, String url, Map<String, String> headers, String body) {
    }

    /** What a run measured; a run with any unexpected status fails instead of returning. */
    record Result(long requests, double seconds, double p50Ms, double p99Ms) {

        double rps() {
            return requests / seconds;
        }
    }

    String name();

    Result run(Request request, int connections, Duration duration, int expectedStatus);

    /**
     * As {@link #run}, but every request's body is the template's with each {@code placeholder} replaced by a token
     * unique to that request (a random per-run prefix, the connection and a counter): for writes that must each
     * create something new, e.g. one call per webhook.
     */
    Result runDistinct(Request template, String placeholder, int connections, Duration duration, int expectedStatus);

    static LoadGenerator best() {
        if (!"jdk".equals(System.getProperty("bench.generator")) && Wrk.available()) {
            return new Wrk();
        }
        return new Jdk();
    }

    /** wrk with a Lua script that sets the request and prints a machine-readable summary line. */
    final class Wrk implements LoadGenerator {

        static boolean available() {
            try {
                Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                p.waitFor(5, TimeUnit.SECONDS);
                return true;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public String name() {
            return "wrk";
        }

        @Override
        public Result run(Request request, int connections, Duration duration, int expectedStatus) {
            return execute(request, "", connections, duration, expectedStatus);
        }

        @Override
        public Result runDistinct(Request template, String placeholder, int connections, Duration duration,
                int expectedStatus) {
            // wrk gives each thread its own Lua state: setup() numbers them, request() builds each body
            String lua = """
                    template = %s
                    placeholder = %s
                    run = %s
                    threads = 0
                    setup = function(thread)
                      threads = threads + 1
                      thread:set("tid", threads)
                    end
                    counter = 0
                    request = function()
                      counter = counter + 1
                      local token = run .. "-" .. tid .. "-" .. counter
                      return wrk.format(nil, nil, nil, (string.gsub(template, placeholder, function() return token end)))
                    end
                    """.formatted(luaString(template.body()), luaString(luaPattern(placeholder)),
                    luaString(UUID.randomUUID().toString().substring(0, 8)));
            return execute(new Request(template.method(), template.url(), template.headers(), null), lua, connections,
                    duration, expectedStatus);
        }

        private Result execute(Request request, String extraLua, int connections, Duration duration, int expectedStatus) {
            try {
                Path script = Files.createTempFile("bench-", ".lua");
                StringBuilder lua = new StringBuilder();
                lua.append("wrk.method = ").append(luaString(request.method())).append('\n');
                if (request.body() != null) {
                    lua.append("wrk.body = ").append(luaString(request.body())).append('\n');
                }
                request.headers().forEach((name, value) -> lua.append("wrk.headers[").append(luaString(name)).append("] = ")
                        .append(luaString(value)).append('\n'));
                lua.append(extraLua);
                lua.append("""
                        bad = 0
                        response = function(status, headers, body)
                          if status ~= %d then bad = bad + 1 end
                        end
                        done = function(summary, latency, requests)
                          local e = summary.errors
                          io.write(string.format("SB %%d %%d %%d %%d %%.3f %%.3f\\n", summary.requests, summary.duration,
                            e.connect + e.read + e.write + e.timeout, e.status, latency:percentile(50), latency:percentile(99)))
                        end
                        """.formatted(expectedStatus));
                Files.writeString(script, lua);
                List<String> command = List.of("wrk", "-t", String.valueOf(Math.min(2, connections)), "-c",
                        String.valueOf(connections), "-d", duration.toSeconds() + "s", "--timeout", "10s", "-s",
                        script.toString(), request.url());
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                process.waitFor();
                Files.deleteIfExists(script);
                String summary = output.lines().filter(l -> l.startsWith("SB ")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("wrk printed no summary:\n" + output));
                String[] f = summary.split(" ");
                long requests = Long.parseLong(f[1]);
                long socketErrors = Long.parseLong(f[3]);
                long wrongStatus = Long.parseLong(f[4]);
                // wrk's status error counts only >= 400; the script's own check catches any other surprise
                if (socketErrors > 0 || wrongStatus > 0) {
                    throw new IllegalStateException(request.method() + " " + request.url() + ": " + socketErrors
                            + " socket errors, " + wrongStatus + " error statuses in " + requests + " requests");
                }
                return new Result(requests, Long.parseLong(f[2]) / 1e6, Double.parseDouble(f[5]) / 1000,
                        Double.parseDouble(f[6]) / 1000);
            } catch (IOException e) {
                throw new IllegalStateException("cannot run wrk", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String luaPattern(String literal) {
            return literal.replaceAll("([^A-Za-z0-9])", "%$1");
        }

        private static String luaString(String value) {
            return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
        }
    }

    /** The fallback: JDK HttpClient over HTTP/1.1, one thread and one keep-alive connection per client. */
    final class Jdk implements LoadGenerator {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        @Override
        public String name() {
            return "JDK HttpClient";
        }

        @Override
        public Result run(Request request, int connections, Duration duration, int expectedStatus) {
            HttpRequest http = build(request, request.body());
            return execute(request, connection -> http, connections, duration, expectedStatus);
        }

        @Override
        public Result runDistinct(Request template, String placeholder, int connections, Duration duration,
                int expectedStatus) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            AtomicLong counter = new AtomicLong();
            return execute(template, connection -> build(template, template.body().replace(placeholder,
                    run + "-" + connection + "-" + counter.incrementAndGet())), connections, duration, expectedStatus);
        }

        private static HttpRequest build(Request request, String body) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
                    .method(request.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            request.headers().forEach(builder::header);
            return builder.build();
        }

        private Result execute(Request request, IntFunction<HttpRequest> requests, int connections, Duration duration,
                int expectedStatus) {
            ExecutorService pool = Executors.newFixedThreadPool(connections);
            long end = System.nanoTime() + duration.toNanos();
            List<long[]> perThread = new ArrayList<>();
            AtomicLong total = new AtomicLong();
            List<Future<long[]>> workers = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < connections; c++) {
                int connection = c;
                workers.add(pool.submit(() -> {
                    long[] latencies = new long[1 << 16];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        int status = this.http.send(requests.apply(connection), HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != expectedStatus) {
                            throw new IllegalStateException(request.method() + " " + request.url() + " answered " + status);
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = System.nanoTime() - t0;
                    }
                    total.addAndGet(n);
                    return Arrays.copyOf(latencies, n);
                }));
            }
            try {
                for (Future<long[]> worker : workers) {
                    perThread.add(worker.get());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                pool.shutdownNow();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(total.get(), seconds, percentile(all, 50), percentile(all, 99));
        }

        private static double percentile(long[] sorted, int p) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) ((long) sorted.length * p / 100))] / 1e6;
        }
    }
}
