package io.switchboard.gateway.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static io.switchboard.gateway.WireMockUpstreams.upstream;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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
    void anyOtherRequestOverTenMibIsRefusedWith413ProblemJsonWithoutReachingTheService() throws InterruptedException {
        WireMock contacts = upstream("contacts");
        byte[] body = new byte[OVER_TEN_MIB];
        Arrays.fill(body, (byte) ' ');

        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/contacts"))
                .header("Authorization", Accounts.shared().bearer()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(413, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        } catch (IOException resetWhileSending) {
            // the gateway closes the connection after its 413, possibly before the client finished sending: refused
        }
        contacts.verifyThat(0, postRequestedFor(urlEqualTo("/api/v1/contacts")).withHeader("Content-Length",
                WireMock.equalTo(String.valueOf(OVER_TEN_MIB))));
    }
}
