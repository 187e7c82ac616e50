package io.switchboard.campaigns.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;

/** The pre-dial hook against a WireMock stub of a tenant's endpoint: yes, no, and a timeout under both settings. */
@QuarkusTest
class PreDialHookTest {

    private static final String SECRET = "hook-secret-for-tests";
    private static WireMockServer tenantEndpoint;

    @Inject
    Dispatcher dispatcher;

    @Inject
    DialerFixtures fx;

    @BeforeAll
    static void start() {
        tenantEndpoint = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        tenantEndpoint.start();
    }

    @AfterAll
    static void stop() {
        tenantEndpoint.stop();
    }

    @BeforeEach
    void replicasCurrent() {
        fx.awaitReplicasCurrent();
    }

    private UUID itemBehindHook(UUID tenant, String path, boolean failOpen) {
        return itemBehindHook(tenant, path, failOpen, 1000);
    }

    private UUID itemBehindHook(UUID tenant, String path, boolean failOpen, int timeoutMs) {
        UUID campaign = fx.campaign(tenant, "pre_dial_hook_url = 'http://localhost:" + tenantEndpoint.port() + path
                + "', pre_dial_hook_secret = '" + SECRET + "', pre_dial_hook_timeout_ms = " + timeoutMs
                + ", pre_dial_hook_fail_open = " + failOpen);
        return fx.item(tenant, campaign, DialerFixtures.phone(), DialerFixtures.openZone(), null);
    }

    @Test
    void aYesDialsAndTheRequestIsSignedOverTimestampAndBody() {
        tenantEndpoint.stubFor(post(urlEqualTo("/yes")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"dial\":true}")));
        UUID tenant = fx.tenantWithCredits();
        UUID item = itemBehindHook(tenant, "/yes", false);
        dispatcher.round(Instant.now());
        assertEquals("processing", fx.status(tenant, item));

        LoggedRequest request = tenantEndpoint.findAll(postRequestedFor(urlEqualTo("/yes"))).stream()
                .filter(r -> r.getBodyAsString().contains(item.toString())).findFirst().orElseThrow();
        String timestamp = request.getHeader(PreDialHook.TIMESTAMP_HEADER);
        assertEquals("v1=" + PreDialHook.sign(SECRET, timestamp, request.getBodyAsString()),
                request.getHeader(PreDialHook.SIGNATURE_HEADER));
        assertTrue(Math.abs(Long.parseLong(timestamp) - Instant.now().getEpochSecond()) < 60);
        assertTrue(request.getBodyAsString().contains("\"dialRequestId\":\"" + item + ":1\""));
        String hook = (String) fx.one(tenant, "SELECT detail -> 'hook' ->> 'answer' FROM dial_decision WHERE queue_item_id = ?1", item);
        assertEquals("yes", hook);
    }

    @Test
    void aNoSkipsWithTheHooksReasonRecorded() {
        tenantEndpoint.stubFor(post(urlEqualTo("/no")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"dial\":false,\"reason\":\"already a customer\"}")));
        UUID tenant = fx.tenantWithCredits();
        UUID item = itemBehindHook(tenant, "/no", true);
        dispatcher.round(Instant.now());
        assertEquals("pending", fx.status(tenant, item));
        assertEquals(DialRules.HOOK_DECLINED, fx.skipReason(tenant, item));
        assertEquals(0L, fx.dialRequests(tenant, item));
        assertEquals("already a customer", fx.one(tenant,
                "SELECT detail -> 'hook' ->> 'reason' FROM dial_decision WHERE queue_item_id = ?1", item));
    }

    @Test
    void aTimeoutSkipsWhenTheCampaignFailsClosed() {
        tenantEndpoint.stubFor(post(urlEqualTo("/slow-closed")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(3000).withBody("{\"dial\":true}")));
        UUID tenant = fx.tenantWithCredits();
        UUID item = itemBehindHook(tenant, "/slow-closed", false);
        dispatcher.round(Instant.now());
        assertEquals(DialRules.HOOK_UNAVAILABLE, fx.skipReason(tenant, item));
        assertEquals(0L, fx.dialRequests(tenant, item));
        assertEquals("timeout", fx.one(tenant, "SELECT detail -> 'hook' ->> 'reason' FROM dial_decision WHERE queue_item_id = ?1", item));
    }

    @Test
    void aTimeoutDialsAnywayWhenTheCampaignFailsOpen() {
        tenantEndpoint.stubFor(post(urlEqualTo("/slow-open")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(3000).withBody("{\"dial\":false}")));
        UUID tenant = fx.tenantWithCredits();
        UUID item = itemBehindHook(tenant, "/slow-open", true);
        dispatcher.round(Instant.now());
        assertEquals("processing", fx.status(tenant, item));
        assertEquals(1L, fx.dialRequests(tenant, item));
        assertEquals("unavailable", fx.one(tenant, "SELECT detail -> 'hook' ->> 'answer' FROM dial_decision WHERE queue_item_id = ?1", item));
    }

    @Test
    void anErrorStatusFollowsTheFailClosedSetting() {
        tenantEndpoint.stubFor(post(urlEqualTo("/broken")).willReturn(aResponse().withStatus(500)));
        UUID tenant = fx.tenantWithCredits();
        UUID item = itemBehindHook(tenant, "/broken", false);
        dispatcher.round(Instant.now());
        assertEquals(DialRules.HOOK_UNAVAILABLE, fx.skipReason(tenant, item));
    }

    /**
     * Tenant turns of one round overlap (switchboard.dialer.turn-concurrency): two tenants whose hooks each take 1.5 s
     * start their turns together. One after the other, the second turn would start after the first one's hook answered.
     */
    @Test
    void twoTenantsSlowHooksAreAskedInTheSameRoundAtTheSameTime() {
        tenantEndpoint.stubFor(post(urlEqualTo("/slow-yes")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(1500).withBody("{\"dial\":true}")));
        UUID first = fx.tenantWithCredits();
        UUID second = fx.tenantWithCredits();
        UUID firstItem = itemBehindHook(first, "/slow-yes", false, 3000);
        UUID secondItem = itemBehindHook(second, "/slow-yes", false, 3000);

        dispatcher.round(Instant::now);

        assertEquals("processing", fx.status(first, firstItem));
        assertEquals("processing", fx.status(second, secondItem));
        Instant firstStarted = decidedAt(first, firstItem);
        Instant secondStarted = decidedAt(second, secondItem);
        assertTrue(Math.abs(java.time.Duration.between(firstStarted, secondStarted).toMillis()) < 1000,
                "turns started at " + firstStarted + " and " + secondStarted);
    }

    private Instant decidedAt(UUID tenant, UUID item) {
        Object at = fx.one(tenant, "SELECT decided_at FROM dial_decision WHERE queue_item_id = ?1", item);
        return at instanceof java.time.OffsetDateTime odt ? odt.toInstant() : (Instant) at;
    }

    /**
     * The scheduled loop is pipelined (Dispatcher#loop): a turn starts as soon as a place is free, so a tenant whose turn
     * waits 2 s for its hook does not hold back another tenant's next turn, as a round that waits for all its turns
     * did. The quick tenant's second row falls due 0.5 s in and is claimed within the 1.5 s the loop runs, while the
     * slow tenant's turn is still asking its hook.
     */
    @Test
    void aTurnWaitingForItsHookDoesNotHoldBackAnotherTenantsNextTurn() throws Exception {
        tenantEndpoint.stubFor(post(urlEqualTo("/slower-yes")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(2000).withBody("{\"dial\":true}")));
        UUID slow = fx.tenantWithCredits();
        UUID slowItem = itemBehindHook(slow, "/slower-yes", false, 5000);
        UUID quick = fx.tenantWithCredits();
        UUID first = fx.item(quick, null, DialerFixtures.phone(), DialerFixtures.openZone(), null);
        UUID second = fx.item(quick, null, DialerFixtures.phone(), DialerFixtures.openZone(),
                "scheduled_for = now() + interval '500 milliseconds'");

        dispatcher.loop(System.nanoTime() + java.time.Duration.ofMillis(1500).toNanos(), Instant::now);

        assertEquals("processing", fx.status(quick, first));
        assertEquals("processing", fx.status(quick, second), "claimed while the other tenant's turn was still running");
        assertEquals("pending", fx.status(slow, slowItem), "the slow turn had not committed yet");
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (!"processing".equals(fx.status(slow, slowItem)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals("processing", fx.status(slow, slowItem), "the slow turn ended on its own after the loop returned");
    }
}
