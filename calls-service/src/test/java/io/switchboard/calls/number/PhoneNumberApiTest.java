package io.switchboard.calls.number;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.switchboard.calls.routing.RoutingFixtures;
import io.switchboard.testsupport.TestTokens;

/** The phone numbers API and a number's routing schedule, against real PostgreSQL. */
@QuarkusTest
class PhoneNumberApiTest {

    private static final String PATH = "/api/v1/phone-numbers";

    @Inject
    EntityManager em;

    private final UUID tenant = UUID.randomUUID();

    private RequestSpecification as(UUID who) {
        return given().header("Authorization", TestTokens.bearer(who)).contentType(ContentType.JSON);
    }

    private long events(String type) {
        return RoutingFixtures.count(em, tenant, "SELECT count(*) FROM outbox_event WHERE tenant_id = ?1 AND event_type = '" + type + "'");
    }

    @Test
    void aNumberIsCreatedWithItsCountryAndZoneDerivedReadUpdatedAndDeletedWithAnEventEachTime() {
        UUID connection = RoutingFixtures.connection(tenant, "{\"provider\":\"twilio\",\"name\":\"t\",\"webhookSecret\":\"tok\"}");
        UUID agent = RoutingFixtures.agent(em, tenant, connection, "sip:frontdesk@sip.example.com", true);
        String id = as(tenant).body("{\"phoneNumber\":\"+1 (415) 555-0199\",\"friendlyName\":\"Front desk\"}").post(PATH)
                .then().statusCode(201)
                .body("phoneNumber", equalTo("+14155550199"))
                .body("country", equalTo("US"))
                .body("timeZone", equalTo("America/Los_Angeles"))
                .body("capabilities", equalTo(List.of("voice")))
                .body("active", equalTo(true))
                .body("agentId", nullValue())
                .extract().path("id");
        assertEquals(1, events("io.switchboard.phone_number.created.v1"));

        as(tenant).body("""
                {"phoneNumber": "+14155550199", "friendlyName": "Front desk", "capabilities": ["voice", "sms", "sms"],
                 "connectionId": "%s", "providerSid": "PN123", "agentId": "%s", "active": false, "timeZone": "America/New_York"}"""
                .formatted(connection, agent)).put(PATH + "/" + id).then().statusCode(200)
                .body("capabilities", equalTo(List.of("voice", "sms")))
                .body("connectionId", equalTo(connection.toString()))
                .body("agentId", equalTo(agent.toString()))
                .body("providerSid", equalTo("PN123"))
                .body("active", equalTo(false))
                .body("timeZone", equalTo("America/New_York"));
        assertEquals(1, events("io.switchboard.phone_number.updated.v1"));
        as(tenant).get(PATH + "/" + id).then().statusCode(200).body("friendlyName", equalTo("Front desk"))
                .body("agentId", equalTo(agent.toString()));

        as(tenant).delete(PATH + "/" + id).then().statusCode(204);
        as(tenant).get(PATH + "/" + id).then().statusCode(404);
        assertEquals(1, events("io.switchboard.phone_number.deleted.v1"));
    }

    @Test
    void anInvalidNumberIsA400NamingPhoneNumberAndNothingIsStored() {
        as(tenant).body("{\"phoneNumber\":\"+1 555\"}").post(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("phoneNumber"));
        as(tenant).body("{}").post(PATH).then().statusCode(400).body("errors.field", hasItem("phoneNumber"));
        as(tenant).body("{\"phoneNumber\":\"+14155550123\",\"capabilities\":[\"fax\"],\"country\":\"usa\"}").post(PATH)
                .then().statusCode(400).body("errors.field", hasItem("country"));
        as(tenant).body("{\"phoneNumber\":\"+14155550123\",\"capabilities\":[null]}").post(PATH).then().statusCode(400);
        as(tenant).body("{\"phoneNumber\":\"+14155550123\",\"capabilities\":[]}").post(PATH).then().statusCode(400)
                .body("errors.field", equalTo(List.of("capabilities")));
        as(tenant).get(PATH).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aNumberIsUniquePerTenantButAnotherTenantMayHoldIt() {
        RoutingFixtures.number(tenant, "{\"phoneNumber\":\"+442079460958\"}");
        as(tenant).body("{\"phoneNumber\":\"+44 20 7946 0958\"}").post(PATH).then().statusCode(409);
        String other = as(tenant).body("{\"phoneNumber\":\"+442079460959\"}").post(PATH).then().statusCode(201)
                .body("country", equalTo("GB")).body("timeZone", equalTo("Europe/London")).extract().path("id");
        as(tenant).body("{\"phoneNumber\":\"+442079460958\"}").put(PATH + "/" + other).then().statusCode(409);
        RoutingFixtures.number(UUID.randomUUID(), "{\"phoneNumber\":\"+442079460958\"}");
    }

    @Test
    void theConnectionAndTheAgentMustExistInTheTenant() {
        UUID stranger = UUID.randomUUID();
        UUID foreignConnection = RoutingFixtures.connection(stranger, "{\"provider\":\"vapi\",\"name\":\"v\",\"webhookSecret\":\"s\"}");
        UUID foreignAgent = RoutingFixtures.agent(em, stranger, foreignConnection, "asst_1", true);
        as(tenant).body("{\"phoneNumber\":\"+14155550123\",\"connectionId\":\"" + foreignConnection + "\"}").post(PATH)
                .then().statusCode(400).body("errors.field", equalTo(List.of("connectionId")));
        as(tenant).body("{\"phoneNumber\":\"+14155550123\",\"agentId\":\"" + foreignAgent + "\"}").post(PATH)
                .then().statusCode(400).body("errors.field", equalTo(List.of("agentId")));
    }

    @Test
    void theTimeZoneMustBeAnIanaRegionAndIsRequiredWhenTheNumberSpansSeveralZones() {
        as(tenant).body("{\"phoneNumber\":\"+14155550123\",\"timeZone\":\"EST\"}").post(PATH).then().statusCode(400)
                .body("errors.field", equalTo(List.of("timeZone")));
        // a US toll-free number rings in every US zone
        as(tenant).body("{\"phoneNumber\":\"+18005550100\"}").post(PATH).then().statusCode(400)
                .body("errors.field", equalTo(List.of("timeZone")));
        as(tenant).body("{\"phoneNumber\":\"+18005550100\",\"timeZone\":\"America/Chicago\"}").post(PATH).then().statusCode(201)
                .body("timeZone", equalTo("America/Chicago"));
    }

    @Test
    void numbersArePagedNewestFirstWithACursor() {
        for (int i = 0; i < 3; i++) {
            RoutingFixtures.number(tenant, "{\"phoneNumber\":\"+1415555017" + i + "\"}");
        }
        JsonPath first = as(tenant).queryParam("limit", 2).get(PATH).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("+14155550172", "+14155550171"), first.getList("items.phoneNumber"));
        assertNotNull(first.getString("nextCursor"));
        JsonPath second = as(tenant).queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor")).get(PATH)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("+14155550170"), second.getList("items.phoneNumber"));
        assertNull(second.getString("nextCursor"));
        as(tenant).queryParam("cursor", "garbage").get(PATH).then().statusCode(400).body("errors.field", equalTo(List.of("cursor")));
    }

    @Test
    void anotherTenantsNumberIsNotFoundWhateverTheBody() {
        UUID id = RoutingFixtures.number(tenant, "{\"phoneNumber\":\"+14155550123\"}");
        UUID stranger = UUID.randomUUID();
        as(stranger).get(PATH + "/" + id).then().statusCode(404);
        as(stranger).body("{}").put(PATH + "/" + id).then().statusCode(404);
        as(stranger).delete(PATH + "/" + id).then().statusCode(404);
        as(stranger).get(PATH + "/" + id + "/routing").then().statusCode(404);
        as(stranger).body("{}").put(PATH + "/" + id + "/routing").then().statusCode(404);
        as(tenant).get(PATH + "/" + id).then().statusCode(200);
    }

    @Test
    void aScheduleIsStoredAndReadBackWithTheNumbersZone() {
        UUID id = RoutingFixtures.number(tenant, "{\"phoneNumber\":\"+12125550123\"}");
        as(tenant).get(PATH + "/" + id + "/routing").then().statusCode(200)
                .body("timeZone", equalTo("America/New_York")).body("weeklyHours.size()", equalTo(0))
                .body("teamNumber", nullValue()).body("ringTimeoutSeconds", equalTo(20)).body("updatedAt", nullValue());
        as(tenant).body("""
                {"teamNumber": "+1 415 555 0100", "ringTimeoutSeconds": 30,
                 "weeklyHours": [{"day": "MONDAY", "start": "09:00", "end": "12:00"}, {"day": "MONDAY", "start": "13:00", "end": "24:00"}],
                 "holidays": [{"date": "2026-12-25", "closed": true},
                              {"date": "2026-12-24", "closed": false, "hours": [{"start": "09:00", "end": "12:00"}]}]}""")
                .put(PATH + "/" + id + "/routing").then().statusCode(200)
                .body("teamNumber", equalTo("+14155550100")).body("updatedAt", notNullValue());
        as(tenant).get(PATH + "/" + id + "/routing").then().statusCode(200)
                .body("ringTimeoutSeconds", equalTo(30))
                .body("weeklyHours[1].day", equalTo("MONDAY")).body("weeklyHours[1].end", equalTo("24:00"))
                .body("holidays[0].closed", equalTo(true)).body("holidays[1].hours[0].start", equalTo("09:00"));
    }

    @Test
    void anInconsistentScheduleIsA400NamingEachOffendingFieldAndTheOldOneStays() {
        UUID id = RoutingFixtures.number(tenant, "{\"phoneNumber\":\"+12125550123\"}");
        RoutingFixtures.schedule(tenant, id, "{\"teamNumber\":\"+14155550100\",\"weeklyHours\":[{\"day\":\"FRIDAY\",\"start\":\"09:00\",\"end\":\"17:00\"}]}");
        as(tenant).body("""
                {"teamNumber": "+14155550100", "weeklyHours": [{"day": "MONDAY", "start": "09:00", "end": "12:00"},
                 {"day": "MONDAY", "start": "11:00", "end": "13:00"}, {"day": "TUESDAY", "start": "18:00", "end": "08:00"}]}""")
                .put(PATH + "/" + id + "/routing").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("weeklyHours[1].start", "weeklyHours[2].end")));
        as(tenant).body("{\"weeklyHours\":[{\"day\":\"MONDAY\",\"start\":\"09:00\",\"end\":\"17:00\"}]}")
                .put(PATH + "/" + id + "/routing").then().statusCode(400).body("errors.field", equalTo(List.of("teamNumber")));
        as(tenant).body("{\"teamNumber\":\"12\",\"ringTimeoutSeconds\":3}").put(PATH + "/" + id + "/routing").then().statusCode(400)
                .body("errors.field", hasItem("teamNumber")).body("errors.field", hasItem("ringTimeoutSeconds"));
        as(tenant).body("{\"teamNumber\":\"+14155550100\",\"weeklyHours\":[{\"day\":\"MONDAY\",\"start\":\"9am\",\"end\":\"25:00\"}]}")
                .put(PATH + "/" + id + "/routing").then().statusCode(400)
                .body("errors.field", hasItem("weeklyHours[0].start")).body("errors.field", hasItem("weeklyHours[0].end"));
        as(tenant).get(PATH + "/" + id + "/routing").then().statusCode(200).body("weeklyHours[0].day", equalTo("FRIDAY"));
    }
}
