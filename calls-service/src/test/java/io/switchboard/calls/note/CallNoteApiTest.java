package io.switchboard.calls.note;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.testsupport.InfraResource;
import io.switchboard.testsupport.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "calls"))
class CallNoteApiTest {

    private final UUID tenant = UUID.randomUUID();
    private final UUID user = UUID.randomUUID();

    private String bearer() {
        return "Bearer " + TestTokens.internal(tenant, user.toString(), "user", TestTokens.ALL_SCOPES);
    }

    private String call() {
        return given().header("Authorization", bearer()).contentType(ContentType.JSON).body("{\"toNumber\":\"+14155550123\"}")
                .post("/api/v1/calls").then().statusCode(201).extract().path("id");
    }

    @Test
    void notesAndManualDispositionsAppearOnTheCallsTimelineWithTheirAuthor() {
        String call = call();
        String notes = "/api/v1/calls/" + call + "/notes";
        String note = given().header("Authorization", bearer()).contentType(ContentType.JSON)
                .body("{\"text\":\"Wants a viewing\",\"appointmentAt\":\"2026-11-25T10:00:00-05:00\"}").post(notes).then().statusCode(201)
                .body("author", equalTo(user.toString())).body("appointmentAt", equalTo("2026-11-25T15:00:00Z"))
                .extract().path("id");
        given().header("Authorization", bearer()).get(notes).then().statusCode(200).body("items.id", hasItem(note))
                .body("items[0].text", equalTo("Wants a viewing"));
        given().header("Authorization", bearer()).contentType(ContentType.JSON)
                .body("{\"disposition\":\"callback_requested\",\"note\":\"after 5pm\"}").put("/api/v1/calls/" + call + "/disposition")
                .then().statusCode(200).body("disposition", equalTo("callback_requested"));
        given().header("Authorization", bearer()).delete(notes + "/" + note).then().statusCode(204);
        given().header("Authorization", bearer()).get(notes).then().statusCode(200).body("items.size()", equalTo(0));

        given().header("Authorization", bearer()).get("/api/v1/calls/" + call + "/timeline").then().statusCode(200)
                .body("type", hasItems("note_added", "disposition_set", "note_deleted"))
                .body("find { it.type == 'note_added' }.details.text", equalTo("Wants a viewing"))
                .body("find { it.type == 'note_added' }.details.author", equalTo(user.toString()))
                .body("find { it.type == 'disposition_set' }.details.note", equalTo("after 5pm"));
    }

    @Test
    void aNoteNeedsTextAndAnotherTenantsCallIsNotFoundWhateverTheBody() {
        String call = call();
        given().header("Authorization", bearer()).contentType(ContentType.JSON).body("{\"text\":\" \"}")
                .post("/api/v1/calls/" + call + "/notes").then().statusCode(400).body("errors.field", hasItem("text"));
        String other = "Bearer " + TestTokens.internal(UUID.randomUUID());
        given().header("Authorization", other).contentType(ContentType.JSON).body("{}").post("/api/v1/calls/" + call + "/notes")
                .then().statusCode(404);
        given().header("Authorization", other).get("/api/v1/calls/" + call + "/notes").then().statusCode(404);
        given().header("Authorization", other).delete("/api/v1/calls/" + call + "/notes/" + UUID.randomUUID()).then().statusCode(404);
    }
}
