package io.switchboard.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.switchboard.testsupport.Infra;
import io.switchboard.testsupport.ServiceProcess;

/**
 * CPU seconds (user + system, from Linux's /proc) used so far by each part of the running platform: every service
 * process, PostgreSQL (the postmaster, its live backends and the backends it has reaped, e.g. pgbench's) and Kafka.
 * Two readings around a measured phase say where that phase's CPU went, per request. Empty where /proc cannot tell.
 */
final class CpuMeter {

    /** Linux's USER_HZ: /proc reports CPU time in these ticks (100 on every mainstream kernel). */
    private static final double TICKS_PER_SECOND = 100.0;

    private final List<ServiceProcess> services;
    private final Path infraHome = Infra.projectRoot().resolve(".switchboard/test-infra");

    CpuMeter(List<ServiceProcess> services) {
        this.services = services;
    }

    /** CPU seconds so far, by part. */
    Map<String, Double> read() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (ServiceProcess service : services) {
            put(seconds, service.module(), processTicks(service.pid(), false));
        }
        long postmaster = pidFromFile(infraHome.resolve("pg/postmaster.pid"));
        if (postmaster > 0) {
            double ticks = processTicks(postmaster, true);
            for (long child : children(postmaster)) {
                ticks += processTicks(child, false);
            }
            put(seconds, "postgresql", ticks);
        }
        long kafka = pidFromFile(infraHome.resolve("kafka.pid"));
        if (kafka > 0) {
            put(seconds, "kafka", processTicks(kafka, false));
        }
        // wrk and pgbench are this JVM's children: their CPU counts here once they have exited
        put(seconds, "load generator", processTicks(ProcessHandle.current().pid(), true));
        return seconds;
    }

    /** What each part used between two readings, in milliseconds per unit of work (a request, a transaction). */
    static Map<String, Double> perUnit(Map<String, Double> before, Map<String, Double> after, long units) {
        Map<String, Double> ms = new LinkedHashMap<>();
        after.forEach((part, total) -> {
            Double start = before.get(part);
            if (start != null && units > 0) {
                ms.put(part, (total - start) * 1000 / units);
            }
        });
        return ms;
    }

    /** One line: "gateway 1.2, calls-service 5.3, ... = total 20.1 ms CPU per report". */
    static String describe(Map<String, Double> msPerUnit, String unit) {
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, Double> part : msPerUnit.entrySet()) {
            line.append(line.isEmpty() ? "" : ", ").append(part.getKey()).append(String.format(" %.1f", part.getValue()));
        }
        return line.append(String.format(" = %.1f ms CPU per %s", total(msPerUnit), unit)).toString();
    }

    /** All the parts together. */
    static double total(Map<String, Double> msPerUnit) {
        return msPerUnit.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static void put(Map<String, Double> seconds, String part, double ticks) {
        if (ticks >= 0) {
            seconds.put(part, ticks / TICKS_PER_SECOND);
        }
    }

    /** utime + stime (+ cutime + cstime: the reaped children's), in ticks; -1 when unreadable. */
    private static double processTicks(long pid, boolean withReapedChildren) {
        String[] f = stat(pid);
        if (f == null) {
            return -1;
        }
        double ticks = Double.parseDouble(f[11]) + Double.parseDouble(f[12]);
        return withReapedChildren ? ticks + Double.parseDouble(f[13]) + Double.parseDouble(f[14]) : ticks;
    }

    private static List<Long> children(long parent) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.map(p -> p.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).filter(pid -> {
                        String[] f = stat(pid);
                        return f != null && Long.parseLong(f[1]) == parent;
                    }).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The fields of /proc/pid/stat after the command (field 3, the state, is index 0), or null. */
    private static String[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long pidFromFile(Path file) {
        try {
            return Long.parseLong(Files.readAllLines(file).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
