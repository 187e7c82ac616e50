package io.switchboard.gateway.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static io.switchboard.gateway.WireMockUpstreams.upstream;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.gateway.Accounts;

@QuarkusTest
class RequestIdPropagationTest {

    @Test
    void callersRequestIdIsForwardedUpstreamAndEchoedBack() {
        WireMock calls = upstream("calls");
        calls.register(get(urlEqualTo("/api/v1/calls/rid-1")).willReturn(aResponse().withStatus(200)));

        given().header("Authorization", Accounts.shared().bearer()).header("X-Request-Id", "client-chosen-id-1").get("/api/v1/calls/rid-1")
                .then().statusCode(200).header("X-Request-Id", "client-chosen-id-1");

        calls.verifyThat(1, getRequestedFor(urlEqualTo("/api/v1/calls/rid-1"))
                .withHeader("X-Request-Id", WireMock.equalTo("client-chosen-id-1")));
    }

    @Test
    void missingRequestIdIsGeneratedAndTheSameIdGoesUpstreamAndBack() {
        WireMock calls = upstream("calls");
        calls.register(get(urlEqualTo("/api/v1/calls/rid-2")).willReturn(aResponse().withStatus(200)));

        String echoed = given().header("Authorization", Accounts.shared().bearer()).get("/api/v1/calls/rid-2")
                .then().statusCode(200).extract().header("X-Request-Id");

        UUID.fromString(echoed); // a generated id is a UUID
        List<LoggedRequest> seen = calls.find(getRequestedFor(urlEqualTo("/api/v1/calls/rid-2")));
        assertEquals(echoed, seen.get(seen.size() - 1).getHeader("X-Request-Id"));
    }

    @Test
    void malformedRequestIdIsReplacedNotForwarded() {
        WireMock calls = upstream("calls");
        calls.register(get(urlEqualTo("/api/v1/calls/rid-3")).willReturn(aResponse().withStatus(200)));

        String echoed = given().header("Authorization", Accounts.shared().bearer()).header("X-Request-Id", "bad id with spaces <script>").get("/api/v1/calls/rid-3")
                .then().statusCode(200).extract().header("X-Request-Id");

        UUID.fromString(echoed);
        List<LoggedRequest> seen = calls.find(getRequestedFor(urlEqualTo("/api/v1/calls/rid-3")));
        assertEquals(echoed, seen.get(seen.size() - 1).getHeader("X-Request-Id"));
    }

    @Test
    void upstreamsOwnRequestIdHeaderIsNotDuplicated() {
        WireMock calls = upstream("calls");
        calls.register(get(urlEqualTo("/api/v1/calls/rid-4"))
                .willReturn(aResponse().withStatus(200).withHeader("X-Request-Id", "rid-4")));

        List<String> ids = given().header("Authorization", Accounts.shared().bearer()).header("X-Request-Id", "rid-4").get("/api/v1/calls/rid-4")
                .then().statusCode(200).extract().headers().getValues("X-Request-Id");

        assertEquals(List.of("rid-4"), ids);
    }
}
