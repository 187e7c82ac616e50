package io.switchboard.simulator.play;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.switchboard.simulator.account.Account;

/** A provider's webhook sequence for a call, and how the provider authenticates each delivery. */
public interface ProviderScript {

    /** The webhooks in the provider's order (the last one is the final report); empty for a silent call. */
    List<Webhook> webhooks();

    /** The headers of one delivery, signed at sending time {@code now} (as the provider signs each attempt). */
    Map<String, String> headers(Account account, Webhook webhook, Instant now);
}
