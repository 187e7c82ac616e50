package io.switchboard.gateway.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static io.switchboard.gateway.WireMockUpstreams.upstream;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.gateway.Accounts;
import io.switchboard.gateway.WireMockUpstreams;
import io.switchboard.testsupport.InfraResource;

// test resources apply to every @QuarkusTest in the module: all test classes share this one boot
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@QuarkusTestResource(WireMockUpstreams.class)
class ProxyPassThroughTest {

    @Test
    void getPassesStatusHeadersAndBodyThroughUnchanged() {
        upstream("calls").register(get(urlEqualTo("/api/v1/calls/42?expand=events"))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-Upstream-Marker", "calls-service")
                        .withBody("{\"id\":\"42\",\"status\":\"ringing\"}")));

        given().header("Authorization", Accounts.shared().bearer()).get("/api/v1/calls/42?expand=events")
                .then().statusCode(200)
                .header("X-Upstream-Marker", "calls-service")
                .contentType("application/json")
                .body("id", equalTo("42"))
                .body("status", equalTo("ringing"));
    }

    @Test
    void postBodyReachesTheUpstreamAndItsCreatedResponseComesBack() {
        WireMock contacts = upstream("contacts");
        contacts.register(post(urlEqualTo("/api/v1/contacts"))
                .withRequestBody(equalToJson("{\"phone\":\"+15551234567\"}"))
                .willReturn(aResponse().withStatus(201)
                        .withHeader("Location", "/api/v1/contacts/7")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"7\"}")));

        given().header("Authorization", Accounts.shared().bearer()).contentType("application/json").body("{\"phone\":\"+15551234567\"}")
                .post("/api/v1/contacts")
                .then().statusCode(201)
                .header("Location", "/api/v1/contacts/7")
                .body("id", equalTo("7"));
        contacts.verifyThat(1, postRequestedFor(urlEqualTo("/api/v1/contacts"))
                .withHeader("Content-Type", WireMock.containing("application/json")));
    }

    @Test
    void upstreamErrorsPassThroughAsTheServiceWroteThem() {
        upstream("calls").register(get(urlEqualTo("/api/v1/calls/missing"))
                .willReturn(aResponse().withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Not Found\",\"status\":404,\"detail\":\"call missing does not exist\"}")));

        given().header("Authorization", Accounts.shared().bearer()).get("/api/v1/calls/missing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("call missing does not exist"));
    }

    @Test
    void largeBodiesStreamThroughInBothDirections() {
        byte[] upload = new byte[8 * 1024 * 1024];
        byte[] download = new byte[6 * 1024 * 1024];
        Random random = new Random(7);
        random.nextBytes(upload);
        random.nextBytes(download);
        WireMock calls = upstream("calls");
        calls.register(post(urlEqualTo("/api/v1/calls/99/recording"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream")
                        .withBody(download)));

        byte[] received = given().header("Authorization", Accounts.shared().bearer()).contentType("application/octet-stream").body(upload)
                .post("/api/v1/calls/99/recording")
                .then().statusCode(200)
                .extract().asByteArray();

        assertArrayEquals(download, received);
        LoggedRequest sent = calls.find(postRequestedFor(urlEqualTo("/api/v1/calls/99/recording"))).get(0);
        assertArrayEquals(upload, sent.getBody());
    }

    @Test
    void webhooksAreRoutedToTheCallsService() {
        WireMock calls = upstream("calls");
        calls.register(post(urlEqualTo("/webhooks/twilio/conn-1/status"))
                .willReturn(aResponse().withStatus(204)));

        given().contentType("application/x-www-form-urlencoded").body("CallStatus=ringing")
                .post("/webhooks/twilio/conn-1/status")
                .then().statusCode(204);
        calls.verifyThat(1, postRequestedFor(urlEqualTo("/webhooks/twilio/conn-1/status"))
                .withRequestBody(WireMock.equalTo("CallStatus=ringing")));
    }

    @Test
    void prefixesMatchWholePathSegmentsOnly() {
        WireMock calls = upstream("calls");
        given().header("Authorization", Accounts.shared().bearer()).get("/api/v1/callsx")
                .then().statusCode(404)
                .contentType("application/problem+json");
        assertEquals(0, calls.find(getRequestedFor(urlEqualTo("/api/v1/callsx"))).size());
    }

    @Test
    void forwardedHeadersTellTheUpstreamWhoCalled() {
        WireMock calls = upstream("calls");
        calls.register(get(urlEqualTo("/api/v1/calls/fwd")).willReturn(aResponse().withStatus(200)));

        given().header("Authorization", Accounts.shared().bearer()).header("X-Forwarded-For", "203.0.113.9").get("/api/v1/calls/fwd").then().statusCode(200);

        calls.verifyThat(1, getRequestedFor(urlEqualTo("/api/v1/calls/fwd"))
                .withHeader("X-Forwarded-For", WireMock.equalTo("203.0.113.9, 127.0.0.1"))
                .withHeader("X-Forwarded-Proto", WireMock.equalTo("http"))
                .withHeader("X-Forwarded-Host", WireMock.matching("localhost:\\d+")));
    }

    @Test
    void nothingUnderQIsForwardedToAService() {
        for (String route : new String[] { "calls", "contacts" }) {
            upstream(route).register(get(urlEqualTo("/q/metrics-of-" + route)).willReturn(aResponse().withStatus(200)));
        }

        given().header("Authorization", Accounts.shared().bearer()).get("/q/metrics-of-calls").then().statusCode(404);
        given().header("Authorization", Accounts.shared().bearer()).get("/q/metrics-of-contacts").then().statusCode(404);

        assertEquals(0, upstream("calls").find(getRequestedFor(urlEqualTo("/q/metrics-of-calls"))).size());
        assertEquals(0, upstream("contacts").find(getRequestedFor(urlEqualTo("/q/metrics-of-contacts"))).size());
    }
}
