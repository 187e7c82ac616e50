package io.switchboard.demo;

import java.time.Duration;
import java.util.Map;

/** The demo's options: flags over the environment the {@code switchboard} script also reads. */
public record Options(String gateway, String simulator, int kafkaPort, String provider, int contacts, long seed,
        double timeFactor, int concurrency, Duration timeout, boolean live, boolean help, String adminEmail,
        String adminPassword, java.nio.file.Path stateFile) {

    static final String USAGE = """
            usage: ./switchboard demo [options]
              --gateway URL        the platform's gateway (default http://localhost:$SWITCHBOARD_GATEWAY_PORT, 8080)
              --simulator URL      the provider simulator (default http://localhost:$SWITCHBOARD_SIMULATOR_PORT, 18090)
              --provider NAME      which provider the simulator plays: bolna (the only one so far)
              --contacts N         distinct contacts in the sample list, 10-5000 (default 300)
              --seed N             the sample list's seed (default 42): the same seed, the same file
              --time-factor F      the simulator's real time per provider second, 0.001-1 (default 0.01)
              --concurrency N      calls at once (the tenant's dialer limit and the campaign's cap), 1-1000 (default 100)
              --timeout SECONDS    give up when the campaign has not completed by then (default 600)
              --plain              a progress line at each change (at most every 5 s) instead of a live bar
                                   (the default when the output is not a terminal)
            environment: SWITCHBOARD_SUPER_ADMIN_EMAIL / _PASSWORD, the super_admin that grants the demo tenant
            credits (./switchboard demo reads the one ./switchboard up created in .switchboard/keys/super-admin)
            """;

    static Options parse(String[] args, Map<String, String> env) {
        String gateway = "http://localhost:" + env.getOrDefault("SWITCHBOARD_GATEWAY_PORT", "8080");
        String simulator = "http://localhost:" + env.getOrDefault("SWITCHBOARD_SIMULATOR_PORT", "18090");
        int kafkaPort = Integer.parseInt(env.getOrDefault("SWITCHBOARD_KAFKA_PORT", "19092"));
        String provider = "bolna";
        int contacts = 300;
        long seed = 42;
        double timeFactor = 0.01;
        int concurrency = 100;
        long timeout = 600;
        boolean live = System.console() != null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--gateway" -> gateway = value(args, ++i, arg);
                case "--simulator" -> simulator = value(args, ++i, arg);
                case "--provider" -> provider = oneOf(value(args, ++i, arg), arg, "bolna");
                case "--contacts" -> contacts = (int) number(value(args, ++i, arg), arg, 10, 5000);
                case "--seed" -> seed = number(value(args, ++i, arg), arg, Long.MIN_VALUE, Long.MAX_VALUE);
                case "--time-factor" -> timeFactor = decimal(value(args, ++i, arg), arg, 0.001, 1);
                case "--concurrency" -> concurrency = (int) number(value(args, ++i, arg), arg, 1, 1000);
                case "--timeout" -> timeout = number(value(args, ++i, arg), arg, 10, 86400);
                case "--plain" -> live = false;
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new Options(gateway, simulator, kafkaPort, provider, contacts, seed, timeFactor, concurrency,
                Duration.ofSeconds(timeout), live, help, blankIsNull(env.get("SWITCHBOARD_SUPER_ADMIN_EMAIL")),
                blankIsNull(env.get("SWITCHBOARD_SUPER_ADMIN_PASSWORD")),
                java.nio.file.Path.of(env.getOrDefault("SWITCHBOARD_DEMO_STATE", ".switchboard/demo-tenant")));
    }

    private static String blankIsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static String oneOf(String value, String option, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new IllegalArgumentException(option + " must be one of " + String.join(", ", allowed) + ", not " + value);
    }

    private static long number(String value, String option, long min, long max) {
        try {
            long n = Long.parseLong(value);
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", not " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, not " + value);
        }
    }

    private static double decimal(String value, String option, double min, double max) {
        try {
            double d = Double.parseDouble(value);
            if (!(d >= min && d <= max)) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", not " + value);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, not " + value);
        }
    }
}
