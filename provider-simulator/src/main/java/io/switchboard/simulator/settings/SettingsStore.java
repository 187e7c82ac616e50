package io.switchboard.simulator.settings;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.simulator.SimulatorConfig;

/** The current {@link Settings}: replaced whole, never mutated in place, so a call sees one consistent version. */
@ApplicationScoped
public class SettingsStore {

    private final ObjectMapper json;
    private volatile Settings current;

    public SettingsStore(ObjectMapper json, SimulatorConfig config) {
        this.json = json;
        Settings initial = new Settings();
        initial.seed = config.seed();
        initial.timeFactor = config.timeFactor();
        this.current = initial;
    }

    public Settings current() {
        return current;
    }

    /** Merges a partial settings document; the problems when the result is invalid (then nothing changes). */
    public synchronized List<String> update(byte[] partial) {
        Settings next;
        try {
            next = json.readerForUpdating(copy(current)).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(partial);
        } catch (IOException e) {
            return List.of("body: " + firstLine(e.getMessage()));
        }
        List<String> problems = next.problems();
        if (problems.isEmpty()) {
            current = next;
        }
        return problems;
    }

    public synchronized void reseed(long seed) {
        Settings next = copy(current);
        next.seed = seed;
        current = next;
    }

    private Settings copy(Settings settings) {
        return json.convertValue(json.valueToTree(settings), Settings.class);
    }

    private static String firstLine(String message) {
        return message == null ? "not a settings document" : message.lines().findFirst().orElse(message);
    }
}
