package io.switchboard.gateway.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static io.switchboard.gateway.WireMockUpstreams.upstream;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.gateway.Accounts;

@QuarkusTest
class UpstreamFailureTest {

    @Test
    void unreachableUpstreamAnswers503ProblemNamingTheRoute() {
        given().header("Authorization", Accounts.shared().bearer()).header("X-Request-Id", "down-1").get("/api/v1/campaigns/abc")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("X-Request-Id", "down-1")
                .body("type", equalTo("https://switchboard.io/problems/unavailable"))
                .body("title", equalTo("Service Unavailable"))
                .body("status", equalTo(503))
                .body("detail", containsString("campaigns"))
                .body("instance", equalTo("/api/v1/campaigns/abc"))
                .body("requestId", equalTo("down-1"));
    }

    @Test
    void unreachableUpstreamStillAnswersWhenARequestBodyWasSent() {
        given().header("Authorization", Accounts.shared().bearer()).contentType("application/json").body("{\"name\":\"spring\"}").post("/api/v1/campaigns")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("requestId", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void upstreamSlowerThanTheRouteTimeoutAnswers504Problem() {
        // the calls route times out after 1 s in the test profile
        upstream("calls").register(get(urlEqualTo("/api/v1/calls/slow"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(3000).withBody("too late")));

        given().header("Authorization", Accounts.shared().bearer()).header("X-Request-Id", "slow-1").get("/api/v1/calls/slow")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .header("X-Request-Id", "slow-1")
                .body("type", equalTo("https://switchboard.io/problems/upstream-timeout"))
                .body("status", equalTo(504))
                .body("detail", containsString("calls"))
                .body("requestId", equalTo("slow-1"));
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = { "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE" })
    void upstreamBreakingOffTheExchangeAnswers503ProblemNever502(Fault fault) {
        String path = "/api/v1/calls/drop-" + fault.name().toLowerCase();
        upstream("calls").register(get(urlEqualTo(path)).willReturn(aResponse().withFault(fault)));

        given().header("Authorization", Accounts.shared().bearer()).header("X-Request-Id", "drop-" + fault).get(path)
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("X-Request-Id", "drop-" + fault)
                .body("type", equalTo("https://switchboard.io/problems/unavailable"))
                .body("status", equalTo(503))
                .body("detail", containsString("calls"))
                .body("requestId", equalTo("drop-" + fault));
    }

    @Test
    void anUpstreamAnswerTheProxyCannotRelayIsA503ProblemNotABare501() {
        upstream("calls").register(get(urlEqualTo("/api/v1/calls/bad-framing"))
                .willReturn(aResponse().withStatus(200).withHeader("Transfer-Encoding", "gzip").withBody("zzz")));

        given().header("Authorization", Accounts.shared().bearer()).get("/api/v1/calls/bad-framing")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://switchboard.io/problems/unavailable"));
    }
}
