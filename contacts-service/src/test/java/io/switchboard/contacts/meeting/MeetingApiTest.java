package io.switchboard.contacts.meeting;

import static io.switchboard.contacts.RecordsApi.asTenant;
import static io.switchboard.contacts.RecordsApi.createContact;
import static io.switchboard.contacts.RecordsApi.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MeetingApiTest {

    private final UUID tenant = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @Test
    void aNewMeetingIsScheduledForThirtyMinutesInUtcUnlessToldOtherwise() {
        String contact = createContact(tenant, "+14155550200");
        String id = json(tenant, "{\"startsAt\":\"2026-11-26T15:00:00Z\",\"title\":\"Intro\"}").post(meetings(contact)).then()
                .statusCode(201).body("status", equalTo("scheduled")).body("durationMinutes", equalTo(30))
                .body("timeZone", equalTo("UTC")).body("callId", nullValue()).extract().path("id");
        asTenant(tenant).get("/api/v1/meetings/" + id).then().statusCode(200).body("title", equalTo("Intro"));
        json(tenant, """
                {"startsAt":"2026-11-27T10:00:00-05:00","durationMinutes":45,"title":"Demo","attendeeEmail":"ada@example.com",
                 "timeZone":"America/New_York","location":"https://meet.example.com/x"}""").post(meetings(contact)).then()
                .statusCode(201).body("startsAt", equalTo("2026-11-27T15:00:00Z")).body("timeZone", equalTo("America/New_York"))
                .body("durationMinutes", equalTo(45));
        asTenant(tenant).get(meetings(contact)).then().body("items.size()", equalTo(2));
    }

    @Test
    void invalidFieldsAreAllNamed() {
        String contact = createContact(tenant, "+14155550201");
        json(tenant, "{\"durationMinutes\":0,\"title\":\" \",\"attendeeEmail\":\"nope\",\"timeZone\":\"EST\"}")
                .post(meetings(contact)).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("attendeeEmail", "durationMinutes", "startsAt", "timeZone", "title")));
        json(tenant, "{\"startsAt\":\"2026-11-26T15:00:00Z\",\"title\":\"t\",\"durationMinutes\":1441}").post(meetings(contact))
                .then().statusCode(400).body("errors.field", equalTo(List.of("durationMinutes")));
        asTenant(tenant).get(meetings(contact)).then().body("items.size()", equalTo(0));
    }

    @Test
    void aNewStartReschedulesAndAFinishedMeetingCannotChange() {
        String id = create(createContact(tenant, "+14155550202"), "2026-11-26T15:00:00Z");
        json(tenant, "{\"status\":\"rescheduled\"}").patch(meeting(id)).then().statusCode(400)
                .body("errors.field", equalTo(List.of("startsAt")));
        json(tenant, "{\"startsAt\":\"2026-11-28T15:00:00Z\"}").patch(meeting(id)).then().statusCode(200)
                .body("status", equalTo("rescheduled")).body("startsAt", equalTo("2026-11-28T15:00:00Z"));
        json(tenant, "{\"status\":\"scheduled\"}").patch(meeting(id)).then().statusCode(409)
                .contentType("application/problem+json");
        json(tenant, "{\"status\":\"completed\",\"description\":\"went well\"}").patch(meeting(id)).then().statusCode(200)
                .body("status", equalTo("completed")).body("description", equalTo("went well"));
        json(tenant, "{\"title\":\"too late\"}").patch(meeting(id)).then().statusCode(409);
        json(tenant, "{\"status\":\"postponed\"}").patch(meeting(id)).then().statusCode(400)
                .body("errors.field", equalTo(List.of("status")));
        asTenant(tenant).get(meeting(id)).then().body("status", equalTo("completed")).body("title", equalTo("Meeting"));
    }

    @Test
    void meetingsAreListedByStartWindowAndStatusAcrossContacts() {
        String ada = createContact(tenant, "+14155550203");
        String bob = createContact(tenant, "+14155550204");
        String monday = create(ada, "2026-11-23T10:00:00Z");
        String wednesday = create(bob, "2026-11-25T10:00:00Z");
        create(ada, "2026-12-02T10:00:00Z");
        String cancelled = create(bob, "2026-11-24T10:00:00Z");
        json(tenant, "{\"status\":\"cancelled\"}").patch(meeting(cancelled)).then().statusCode(200);

        asTenant(tenant).get("/api/v1/meetings?from=2026-11-23T00:00:00Z&to=2026-11-30T00:00:00Z&status=scheduled").then()
                .statusCode(200).body("items.id", equalTo(List.of(wednesday, monday)));
        asTenant(tenant).get("/api/v1/meetings?status=cancelled").then().body("items.id", equalTo(List.of(cancelled)));
        asTenant(tenant).get("/api/v1/meetings?from=2026-11-23T00:00:00Z&to=2026-11-30T00:00:00Z&limit=2").then()
                .body("items.id", equalTo(List.of(wednesday, cancelled)));
        asTenant(other).get("/api/v1/meetings").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void badListFiltersAreNamed() {
        asTenant(tenant).get("/api/v1/meetings?from=2026-11-30T00:00:00Z&to=2026-11-23T00:00:00Z").then().statusCode(400)
                .body("errors.field", equalTo(List.of("to")));
        asTenant(tenant).get("/api/v1/meetings?status=postponed").then().statusCode(400)
                .body("errors.field", equalTo(List.of("status")));
        asTenant(tenant).get("/api/v1/meetings?from=yesterday").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("from")));
    }

    @Test
    void anotherTenantsMeetingsAreNotFoundWhateverTheBodySays() {
        String contact = createContact(tenant, "+14155550205");
        String id = create(contact, "2026-11-26T15:00:00Z");
        json(other, "{}").post(meetings(contact)).then().statusCode(404);
        asTenant(other).get(meetings(contact)).then().statusCode(404);
        asTenant(other).get(meeting(id)).then().statusCode(404);
        json(other, "{}").patch(meeting(id)).then().statusCode(404);
        json(other, "{\"status\":\"rescheduled\"}").patch(meeting(id)).then().statusCode(404);
        asTenant(other).delete(meeting(id)).then().statusCode(404);
        asTenant(tenant).delete(meeting(id)).then().statusCode(204);
        asTenant(tenant).get(meeting(id)).then().statusCode(404);
    }

    private String create(String contact, String startsAt) {
        return json(tenant, "{\"startsAt\":\"" + startsAt + "\",\"title\":\"Meeting\"}").post(meetings(contact)).then()
                .statusCode(201).extract().path("id");
    }

    private static String meeting(String id) {
        return "/api/v1/meetings/" + id;
    }

    private static String meetings(String contact) {
        return "/api/v1/contacts/" + contact + "/meetings";
    }
}
