package io.switchboard.simulator.play;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.switchboard.simulator.account.Account;
import io.switchboard.simulator.settings.Faults;
import io.switchboard.simulator.settings.Settings;
import io.switchboard.simulator.settings.SettingsStore;

/**
 * Plays an accepted call: draws its plan, asks the provider's script for the webhook sequence, applies the faults
 * (reorder, delays, duplicates: drawn from the same seeded stream, after the plan) and sets a timer per delivery.
 */
@ApplicationScoped
public class Player {

    private static final Logger LOG = Logger.getLogger(Player.class);
    /** a duplicate follows its original within this many provider seconds */
    private static final double DUPLICATE_GAP_SECONDS = 2;

    private final SettingsStore settings;
    private final CallLog log;
    private final Timers timers;
    private final WebhookSender sender;

    public Player(SettingsStore settings, CallLog log, Timers timers, WebhookSender sender) {
        this.settings = settings;
        this.log = log;
        this.timers = timers;
        this.sender = sender;
    }

    /**
     * @param providerCallId the id the create-call answer carries
     * @param request        the request as received, for {@code /sim/calls}
     * @param script         the provider's webhook sequence and signing
     */
    public SimCall play(Account account, String providerCallId, String from, String to, Map<String, Object> request,
            Function<SimCall, ProviderScript> script) {
        Settings now = settings.current();
        long generation = timers.generation();
        Instant received = Instant.now();
        int attempt = log.nextAttempt(to);
        CallPlan plan = Planner.plan(now, to, attempt, received);
        SimCall call = new SimCall(log.nextSeq(), account.provider(), account, providerCallId, from, to, attempt, received,
                now.timeFactor, plan, request);
        ProviderScript provider = script.apply(call);
        List<Webhook> webhooks = plan.outcome() == Outcome.SILENT ? List.of() : provider.webhooks();
        List<Delivery> deliveries = withFaults(call, webhooks, account.faults() != null ? account.faults() : now.faults, plan.faults());
        deliveries.forEach(call::add);
        log.accepted(call);
        LOG.infof("call accepted provider=%s connection=%s call=%s attempt=%d outcome=%s intent=%s webhooks=%d reordered=%s",
                account.provider(), account.connectionId(), providerCallId, attempt, plan.outcome(), plan.intent(),
                deliveries.size(), call.isReordered());
        for (Delivery delivery : deliveries) {
            long delay = delivery.getDueAt().toEpochMilli() - received.toEpochMilli();
            timers.at(delay, generation, () -> call.chain(() -> sender.send(call, delivery, provider, generation)));
        }
        return call;
    }

    /** The deliveries in due order; ties keep the script's order. */
    static List<Delivery> withFaults(SimCall call, List<Webhook> webhooks, Faults faults, SplittableRandom random) {
        List<Webhook> ordered = new ArrayList<>(webhooks);
        List<Double> at = new ArrayList<>(webhooks.stream().map(Webhook::atSeconds).toList());
        boolean reorder = random.nextDouble() < faults.reorderProbability;
        if (reorder && ordered.size() > 1) {
            // the final report first, at the time of the first status update, then the status updates
            ordered.add(0, ordered.remove(ordered.size() - 1));
            at.remove(at.size() - 1);
            at.add(0, at.get(0));
            call.reordered();
        }
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            boolean delayed = random.nextDouble() < faults.delayProbability;
            double delay = random.nextDouble() * faults.maxDelaySeconds;
            boolean duplicate = random.nextDouble() < faults.duplicateProbability;
            double gap = random.nextDouble() * DUPLICATE_GAP_SECONDS;
            double when = at.get(i) + (delayed ? delay : 0);
            deliveries.add(new Delivery(ordered.get(i), call.at(when), false, delayed));
            if (duplicate) {
                deliveries.add(new Delivery(ordered.get(i), call.at(when + gap), true, delayed));
            }
        }
        deliveries.sort(Comparator.comparing(Delivery::getDueAt)); // stable: ties keep the order above
        return deliveries;
    }

    /** Forgets every call and counter and drops every pending delivery; the accounts stay. */
    public void reset() {
        timers.newGeneration();
        log.reset();
    }
}
