package io.switchboard.simulator.play;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

import io.switchboard.simulator.SimulatorConfig;

/**
 * What was received and sent since the last reset: the recent calls (bounded) and counters per provider and per
 * number called (unbounded in time, so a double dial shows however long a soak runs).
 */
@ApplicationScoped
public class CallLog {

    /** Counters of one provider or one number. */
    public static final class Counters {
        final LongAdder createCalls = new LongAdder();
        final LongAdder createCallsRefused = new LongAdder();
        final LongAdder webhooksSent = new LongAdder();
        final LongAdder webhooksRejected = new LongAdder();
        final LongAdder webhooksFailed = new LongAdder();
        final LongAdder webhookRetries = new LongAdder();
        final LongAdder duplicatesSent = new LongAdder();

        Map<String, Long> view(boolean withRefusals) {
            Map<String, Long> view = new LinkedHashMap<>();
            view.put("createCalls", createCalls.sum());
            if (withRefusals) {
                view.put("createCallsRefused", createCallsRefused.sum());
            }
            view.put("webhooksSent", webhooksSent.sum());
            view.put("webhooksRejected", webhooksRejected.sum());
            view.put("webhooksFailed", webhooksFailed.sum());
            view.put("webhookRetries", webhookRetries.sum());
            view.put("duplicatesSent", duplicatesSent.sum());
            return view;
        }
    }

    private final int maxKept;
    private final ConcurrentLinkedDeque<SimCall> calls = new ConcurrentLinkedDeque<>();
    private final AtomicInteger kept = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Counters> byProvider = new ConcurrentHashMap<>();
    private final Map<String, Counters> byNumber = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    public CallLog(SimulatorConfig config) {
        this.maxKept = config.maxCallsKept();
    }

    public long nextSeq() {
        return sequence.incrementAndGet();
    }

    /** The how-manieth call to this number this one is, since the last reset. */
    public int nextAttempt(String number) {
        return attempts.computeIfAbsent(number, n -> new AtomicInteger()).incrementAndGet();
    }

    public void accepted(SimCall call) {
        calls.addLast(call);
        if (kept.incrementAndGet() > maxKept && calls.pollFirst() != null) {
            kept.decrementAndGet();
        }
        provider(call.getProvider()).createCalls.increment();
        number(call.getTo()).createCalls.increment();
    }

    public void refused(String provider) {
        provider(provider).createCallsRefused.increment();
    }

    void delivered(SimCall call, Delivery delivery, Delivery.State state) {
        for (Counters c : List.of(provider(call.getProvider()), number(call.getTo()))) {
            switch (state) {
                case sent -> {
                    c.webhooksSent.increment();
                    if (delivery.isDuplicate()) {
                        c.duplicatesSent.increment();
                    }
                }
                case rejected -> c.webhooksRejected.increment();
                case failed -> c.webhooksFailed.increment();
                default -> {
                }
            }
        }
    }

    void retried(SimCall call) {
        provider(call.getProvider()).webhookRetries.increment();
        number(call.getTo()).webhookRetries.increment();
    }

    public List<SimCall> calls(String provider, String to, int limit) {
        List<SimCall> result = new ArrayList<>();
        for (SimCall call : calls) {
            if ((provider == null || provider.equals(call.getProvider())) && (to == null || to.equals(call.getTo()))) {
                result.add(call);
            }
        }
        return result.size() > limit ? result.subList(result.size() - limit, result.size()) : result;
    }

    public Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        Map<String, Object> providers = new TreeMap<>();
        byProvider.forEach((p, c) -> providers.put(p, c.view(true)));
        Map<String, Object> numbers = new TreeMap<>();
        byNumber.forEach((n, c) -> numbers.put(n, c.view(false)));
        List<String> dialedTwice = byNumber.entrySet().stream().filter(e -> e.getValue().createCalls.sum() > 1)
                .map(Map.Entry::getKey).sorted(Comparator.naturalOrder()).toList();
        stats.put("createCalls", byProvider.values().stream().mapToLong(c -> c.createCalls.sum()).sum());
        stats.put("providers", providers);
        stats.put("numbers", numbers);
        stats.put("numbersCalledMoreThanOnce", dialedTwice);
        return stats;
    }

    public void reset() {
        calls.clear();
        kept.set(0);
        byProvider.clear();
        byNumber.clear();
        attempts.clear();
    }

    private Counters provider(String provider) {
        return byProvider.computeIfAbsent(provider, p -> new Counters());
    }

    private Counters number(String number) {
        return byNumber.computeIfAbsent(number == null ? "-" : number, n -> new Counters());
    }
}
