package io.switchboard.contacts.importer;

import static io.switchboard.contacts.RecordsApi.asTenant;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** An import job through the API, as a tenant: upload a CSV, read the job, wait for its end. */
final class ImportJobs {

    private ImportJobs() {
    }

    /** Uploads {@code body} as text/csv with the query string ("" for none); the job's id, accepted and queued. */
    static String upload(UUID tenant, String body, String query) {
        return upload(tenant, body.getBytes(StandardCharsets.UTF_8), query);
    }

    static String upload(UUID tenant, byte[] body, String query) {
        return asTenant(tenant).contentType("text/csv").body(body).post("/api/v1/imports" + (query.isEmpty() ? "" : "?" + query))
                .then().statusCode(202).contentType(ContentType.JSON).body("status", equalTo("queued"))
                .extract().path("id");
    }

    static JsonPath job(UUID tenant, String id) {
        return asTenant(tenant).get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** The job once it is neither queued nor running (at most 30 s). */
    static JsonPath awaitEnd(UUID tenant, String id) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> !Set.of("queued", "running").contains(job(tenant, id).getString("status")));
        return job(tenant, id);
    }
}
