package io.switchboard.gateway.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static io.switchboard.gateway.WireMockUpstreams.upstream;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.gateway.Accounts;
import io.switchboard.gateway.WireMockUpstreams;
import io.switchboard.testsupport.InfraResource;

/** Quarkus's default body limit is 10 MiB: the gateway lifts it for the streamed uploads only. */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@QuarkusTestResource(WireMockUpstreams.class)
class LargeUploadTest {

    private static final int OVER_TEN_MIB = 12 * 1024 * 1024;

    @Test
    void anImportLargerThanTenMibStreamsThroughToTheContactsService() {
        WireMock contacts = upstream("contacts");
        contacts.register(post(urlEqualTo("/api/v1/imports"))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"queued\"}")));
        byte[] file = new byte[OVER_TEN_MIB];
        Arrays.fill(file, (byte) '1');

        given().header("Authorization", Accounts.shared().bearer()).contentType("text/csv").body(file)
                .post("/api/v1/imports")
                .then().statusCode(202).body("status", equalTo("queued"));
        List<LoggedRequest> received = contacts.find(postRequestedFor(urlEqualTo("/api/v1/imports")));
        assertEquals(OVER_TEN_MIB, received.get(received.size() - 1).getBody().length);
    }

    @Test
    void anyOtherRequestOverTenMibIsRefusedWith413ProblemJsonWithoutReachingTheService() {
        WireMock contacts = upstream("contacts");
        byte[] body = new byte[OVER_TEN_MIB];
        Arrays.fill(body, (byte) ' ');

        given().header("Authorization", Accounts.shared().bearer()).contentType("application/json").body(body)
                .post("/api/v1/contacts")
                .then().statusCode(413).contentType(startsWith("application/problem+json")).body("status", equalTo(413));
        contacts.verifyThat(0, postRequestedFor(urlEqualTo("/api/v1/contacts")).withHeader("Content-Length",
                WireMock.equalTo(String.valueOf(OVER_TEN_MIB))));
    }
}
