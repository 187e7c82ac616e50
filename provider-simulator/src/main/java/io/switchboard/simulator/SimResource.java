package io.switchboard.simulator;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.simulator.play.CallLog;
import io.switchboard.simulator.play.Player;
import io.switchboard.simulator.play.SimCall;
import io.switchboard.simulator.provider.Json;
import io.switchboard.simulator.settings.Settings;
import io.switchboard.simulator.settings.SettingsStore;

/** The simulator's own API: what it received and sent, its settings, and the per-run reset. */
@Path("/sim")
@Produces(MediaType.APPLICATION_JSON)
public class SimResource {

    private static final Logger LOG = Logger.getLogger(SimResource.class);

    private final CallLog log;
    private final Player player;
    private final SettingsStore settings;

    public SimResource(CallLog log, Player player, SettingsStore settings) {
        this.log = log;
        this.player = player;
        this.settings = settings;
    }

    @GET
    @Path("/stats")
    public Map<String, Object> stats() {
        return log.stats();
    }

    @GET
    @Path("/calls")
    public Response calls(@QueryParam("provider") String provider, @QueryParam("to") String to,
            @QueryParam("limit") @DefaultValue("1000") int limit) {
        if (limit < 1 || limit > 100_000) {
            return SimProblem.badRequest(List.of("limit: must be between 1 and 100000"));
        }
        List<SimCall> calls = log.calls(provider, to, limit);
        return Response.ok(calls).build();
    }

    @GET
    @Path("/config")
    public Settings config() {
        return settings.current();
    }

    /** A partial settings document, merged into the current settings (unknown fields refused). */
    @PUT
    @Path("/config")
    @Consumes(MediaType.WILDCARD)
    public Response configure(byte[] body) {
        List<String> problems = settings.update(body == null ? new byte[0] : body);
        if (!problems.isEmpty()) {
            return SimProblem.badRequest(problems);
        }
        Settings now = settings.current();
        LOG.infof("settings changed seed=%d timeFactor=%s", now.seed, now.timeFactor);
        return Response.ok(now).build();
    }

    /**
     * Starts a run afresh: forgets the calls, counters and per-number attempt counts, drops pending webhooks, and
     * optionally sets a new seed ({@code {"seed": 7}}). Accounts and the other settings stay.
     */
    @POST
    @Path("/reset")
    @Consumes(MediaType.WILDCARD)
    public Response reset(byte[] body) {
        if (body != null && body.length > 0) {
            JsonNode request = Json.parseObject(body);
            if (request == null || (request.has("seed") && !request.get("seed").isIntegralNumber())) {
                return SimProblem.badRequest(List.of("seed: must be an integer"));
            }
            if (request.has("seed")) {
                settings.reseed(request.get("seed").asLong());
            }
        }
        player.reset();
        LOG.infof("simulator reset seed=%d", settings.current().seed);
        return Response.ok(Map.of("seed", settings.current().seed)).build();
    }
}
