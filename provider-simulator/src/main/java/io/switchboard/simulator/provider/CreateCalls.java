package io.switchboard.simulator.provider;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.switchboard.simulator.account.Account;
import io.switchboard.simulator.account.Accounts;
import io.switchboard.simulator.play.CallLog;
import io.switchboard.simulator.play.Player;
import io.switchboard.simulator.play.ProviderScript;
import io.switchboard.simulator.play.SimCall;

/**
 * What every provider's create-call endpoint does around its own shapes: find the account by the credential,
 * count each refusal, play an accepted call.
 */
@ApplicationScoped
public class CreateCalls {

    private final Accounts accounts;
    private final Player player;
    private final CallLog log;

    public CreateCalls(Accounts accounts, Player player, CallLog log) {
        this.accounts = accounts;
        this.player = player;
        this.log = log;
    }

    /** The account of {@code provider} whose API key is {@code key}. */
    public Optional<Account> byApiKey(String provider, String key) {
        return accounts.byApiKey(provider, key);
    }

    public Optional<Account> twilio(String accountSid) {
        return accounts.twilio(accountSid);
    }

    /** Counts a refused create-call (bad credentials or body) and answers the provider's error. */
    public Response refuse(String provider, Response error) {
        log.refused(provider);
        return error;
    }

    /** {@code problems} of a JSON body: "body must be a JSON object" when it is not one, else what {@code check} finds. */
    public static List<String> problems(ObjectNode request, Function<ObjectNode, List<String>> check) {
        return request == null ? List.of("body must be a JSON object") : check.apply(request);
    }

    public SimCall play(Account account, String providerCallId, String from, String to, Map<String, Object> request,
            Function<SimCall, ProviderScript> script) {
        return player.play(account, providerCallId, from, to, request, script);
    }

    /** The token of an {@code Authorization: Bearer <token>} header, null without one. */
    public static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : null;
    }
}
