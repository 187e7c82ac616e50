package io.switchboard.contacts.followup;

import static io.switchboard.contacts.RecordsApi.asTenant;
import static io.switchboard.contacts.RecordsApi.createContact;
import static io.switchboard.contacts.RecordsApi.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FollowUpApiTest {

    private final UUID tenant = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @Test
    void aFollowUpIsScheduledCompletedAndReopened() {
        String contact = createContact(tenant, "+14155550190");
        String call = UUID.randomUUID().toString();
        String id = json(tenant, "{\"dueAt\":\"2026-11-25T15:00:00+01:00\",\"remark\":\"Send the quote\",\"callId\":\"" + call + "\"}")
                .post(followUps(contact)).then().statusCode(201)
                .body("dueAt", equalTo("2026-11-25T14:00:00Z")).body("completed", equalTo(false))
                .body("callId", equalTo(call)).extract().path("id");
        asTenant(tenant).get(followUps(contact)).then().statusCode(200).body("items.id", equalTo(List.of(id)));

        json(tenant, "{\"completed\":true}").patch("/api/v1/follow-ups/" + id).then().statusCode(200)
                .body("completed", equalTo(true)).body("completedAt", notNullValue()).body("remark", equalTo("Send the quote"));
        json(tenant, "{\"completed\":false,\"remark\":\"Call again\"}").patch("/api/v1/follow-ups/" + id).then().statusCode(200)
                .body("completed", equalTo(false)).body("completedAt", nullValue()).body("remark", equalTo("Call again"));
        asTenant(tenant).delete("/api/v1/follow-ups/" + id).then().statusCode(204);
        asTenant(tenant).get(followUps(contact)).then().body("items.size()", equalTo(0));
    }

    @Test
    void theDueListShowsOpenFollowUpsDueBeforeTheInstantAcrossContactsLatestFirst() {
        String ada = createContact(tenant, "+14155550191");
        String bob = createContact(tenant, "+14155550192");
        String early = create(ada, "2026-11-20T09:00:00Z");
        String later = create(bob, "2026-11-24T09:00:00Z");
        create(ada, "2026-12-05T09:00:00Z");
        String done = create(bob, "2026-11-21T09:00:00Z");
        json(tenant, "{\"completed\":true}").patch("/api/v1/follow-ups/" + done).then().statusCode(200);

        String cursor = asTenant(tenant).get("/api/v1/follow-ups?due=before:2026-12-01T00:00:00Z&completed=false&limit=1").then()
                .statusCode(200).body("items.id", equalTo(List.of(later))).extract().path("nextCursor");
        asTenant(tenant).queryParam("cursor", cursor)
                .get("/api/v1/follow-ups?due=before:2026-12-01T00:00:00Z&completed=false&limit=1").then()
                .body("items.id", equalTo(List.of(early))).body("nextCursor", nullValue());
        asTenant(tenant).get("/api/v1/follow-ups?completed=true").then().body("items.id", equalTo(List.of(done)));
        asTenant(tenant).get("/api/v1/follow-ups").then().body("items.size()", equalTo(4));
        asTenant(other).get("/api/v1/follow-ups").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aMalformedDueFilterIsABadRequestNamingIt() {
        for (String due : List.of("2026-12-01T00:00:00Z", "before:tomorrow", "after:2026-12-01T00:00:00Z", "before:+99999-01-01T00:00:00Z")) {
            asTenant(tenant).queryParam("due", due).get("/api/v1/follow-ups").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", equalTo(List.of("due")));
        }
        asTenant(tenant).get("/api/v1/follow-ups?completed=maybe").then().statusCode(400)
                .body("errors.field", equalTo(List.of("completed")));
    }

    @Test
    void aMissingDueDateOrOverlongRemarkIsNamed() {
        String contact = createContact(tenant, "+14155550193");
        json(tenant, "{\"remark\":\"" + "r".repeat(2001) + "\"}").post(followUps(contact)).then().statusCode(400)
                .body("errors.field", equalTo(List.of("dueAt", "remark")));
        asTenant(tenant).get(followUps(contact)).then().body("items.size()", equalTo(0));
    }

    @Test
    void anotherTenantsFollowUpsAreNotFoundWhateverTheBodySays() {
        String contact = createContact(tenant, "+14155550194");
        String id = create(contact, "2026-11-20T09:00:00Z");
        json(other, "{}").post(followUps(contact)).then().statusCode(404);
        asTenant(other).get(followUps(contact)).then().statusCode(404);
        json(other, "{}").patch("/api/v1/follow-ups/" + id).then().statusCode(404);
        asTenant(other).delete("/api/v1/follow-ups/" + id).then().statusCode(404);
        asTenant(other).get("/api/v1/follow-ups/" + id).then().statusCode(404);
        asTenant(tenant).get("/api/v1/follow-ups/" + id).then().statusCode(200).body("dueAt", equalTo("2026-11-20T09:00:00Z"));
        asTenant(tenant).get(followUps(contact)).then().body("items.id", equalTo(List.of(id)));
    }

    private String create(String contact, String dueAt) {
        return json(tenant, "{\"dueAt\":\"" + dueAt + "\"}").post(followUps(contact)).then().statusCode(201).extract().path("id");
    }

    private static String followUps(String contact) {
        return "/api/v1/contacts/" + contact + "/follow-ups";
    }
}
