package io.switchboard.simulator.account;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.switchboard.simulator.SimProblem;
import io.switchboard.simulator.SimulatorConfig;
import io.switchboard.simulator.settings.Faults;

/** {@code /sim/accounts}: what the simulated providers know of each Switchboard connection. */
@Path("/sim/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private static final Logger LOG = Logger.getLogger(AccountResource.class);
    static final Set<String> PROVIDERS = Set.of("twilio", "vapi", "retell", "elevenlabs", "bolna");

    private final Accounts accounts;
    private final SimulatorConfig config;

    public AccountResource(Accounts accounts, SimulatorConfig config) {
        this.accounts = accounts;
        this.config = config;
    }

    /** The registration body; every field optional on the wire so each can be named when missing. */
    public record Registration(String provider, String connectionId, String apiKey, String accountSid, String webhookSecret,
            String webhookBaseUrl, Faults faults) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(Registration body) {
        if (body == null) {
            return SimProblem.badRequest(List.of("body: a JSON object is required"));
        }
        List<String> problems = new ArrayList<>();
        if (body.provider() == null || !PROVIDERS.contains(body.provider())) {
            problems.add("provider: must be one of twilio, vapi, retell, elevenlabs, bolna");
        }
        if (body.connectionId() == null || !body.connectionId().matches("[A-Za-z0-9._~-]{1,100}")) {
            problems.add("connectionId: is required (the Switchboard connection id, URL-safe characters)");
        }
        String provider = body.provider() == null ? "" : body.provider();
        String secret = body.webhookSecret();
        switch (provider) {
            case "twilio" -> {
                if (body.accountSid() == null || body.accountSid().isBlank()) {
                    problems.add("accountSid: is required for twilio");
                }
                if (secret == null || secret.isEmpty()) {
                    problems.add("webhookSecret: is required for twilio (the auth token)");
                }
            }
            case "retell" -> {
                if (body.apiKey() == null || body.apiKey().isEmpty()) {
                    problems.add("apiKey: is required for retell");
                }
                secret = secret == null ? body.apiKey() : secret; // Retell signs webhooks with the API key
            }
            case "vapi", "elevenlabs" -> {
                if (body.apiKey() == null || body.apiKey().isEmpty()) {
                    problems.add("apiKey: is required for " + provider);
                }
                if (secret == null || secret.isEmpty()) {
                    problems.add("webhookSecret: is required for " + provider);
                }
            }
            case "bolna" -> {
                if (body.apiKey() == null || body.apiKey().isEmpty()) {
                    problems.add("apiKey: is required for bolna");
                }
            }
            default -> {
            }
        }
        String base = body.webhookBaseUrl() == null ? config.platformBaseUrl() : body.webhookBaseUrl();
        if (!isHttpUrl(base)) {
            problems.add("webhookBaseUrl: must be an absolute http(s) URL");
        }
        if (body.faults() != null) {
            problems.addAll(body.faults().problems("faults."));
        }
        if (!problems.isEmpty()) {
            return SimProblem.badRequest(problems);
        }
        Account account = new Account(provider, body.connectionId(), body.apiKey(), body.accountSid(), secret, base, body.faults());
        var clash = accounts.put(account);
        if (clash.isPresent()) {
            return SimProblem.of(409, "credentials already registered",
                    (provider.equals("twilio") ? "accountSid" : "apiKey") + ": already used by connection " + clash.get()
                            + " of " + provider + "; delete it first (a create-call must identify one connection)");
        }
        LOG.infof("account registered provider=%s connection=%s webhooks=%s", provider, account.connectionId(), account.webhookUrl());
        return Response.created(URI.create("/sim/accounts/" + account.connectionId())).entity(AccountView.of(account)).build();
    }

    @GET
    public List<AccountView> list() {
        return accounts.all().stream().map(AccountView::of).toList();
    }

    @GET
    @Path("/{connectionId}")
    public Response get(@PathParam("connectionId") String connectionId) {
        return accounts.get(connectionId).map(a -> Response.ok(AccountView.of(a)).build())
                .orElseGet(() -> SimProblem.of(404, "unknown account", "no account for connection " + connectionId));
    }

    @DELETE
    @Path("/{connectionId}")
    public Response delete(@PathParam("connectionId") String connectionId) {
        if (!accounts.remove(connectionId)) {
            return SimProblem.of(404, "unknown account", "no account for connection " + connectionId);
        }
        LOG.infof("account deleted connection=%s", connectionId);
        return Response.noContent().build();
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.isAbsolute() && uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
