package io.switchboard.contacts.dnc;

import static io.switchboard.contacts.dnc.DncTestData.asTenant;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.dnc.OptOutAddedV1;
import io.switchboard.events.dnc.OptOutRemovedV1;
import io.switchboard.platform.tenant.TenantScope;

@QuarkusTest
class OptOutApiTest {

    private static final String ADDED = "io.switchboard.optout.added.v1";
    private static final String REMOVED = "io.switchboard.optout.removed.v1";

    @Inject
    EntityManager em;

    private final UUID tenant = UUID.randomUUID();

    @Test
    void theSameOptOutTwiceIsOneRowAndOneEventAnsweredCreatedThenOk() {
        String id = asTenant(tenant).contentType(ContentType.JSON)
                .body("{\"phone\":\"+1 (415) 555-0123\",\"channel\":\"voice\",\"reason\":\"asked\",\"source\":\"call\"}")
                .post("/api/v1/opt-outs")
                .then().statusCode(201).header("Location", containsString("/api/v1/opt-outs/"))
                .body("phone", equalTo("+14155550123")).body("channel", equalTo("voice")).body("source", equalTo("call"))
                .extract().path("id");
        asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"+14155550123\",\"channel\":\"voice\",\"reason\":\"again\"}")
                .post("/api/v1/opt-outs")
                .then().statusCode(200).body("id", equalTo(id)).body("reason", equalTo("asked"));

        assertEquals(1, DncTestData.count(em, tenant, "SELECT count(*) FROM opt_out WHERE tenant_id = ?1"));
        List<EventEnvelope<?>> events = DncTestData.decodedEvents(em, tenant, ADDED);
        assertEquals(1, events.size());
        OptOutAddedV1 data = (OptOutAddedV1) events.get(0).data();
        assertEquals("+14155550123", events.get(0).subject());
        assertEquals(id, data.optOutId());
        assertEquals("voice", data.channel());
        assertEquals("asked", data.reason());
        assertEquals("call", data.source());
    }

    @Test
    void eachChannelIsItsOwnOptOutAndTheSourceDefaultsToApi() {
        for (String channel : List.of("voice", "sms", "email")) {
            asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"+14155550124\",\"channel\":\"" + channel + "\"}")
                    .post("/api/v1/opt-outs").then().statusCode(201).body("source", equalTo("api"));
        }
        asTenant(tenant).queryParam("phone", "+14155550124").get("/api/v1/opt-outs?channel=sms")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].channel", equalTo("sms"));
        asTenant(tenant).queryParam("phone", "+14155550124").get("/api/v1/opt-outs")
                .then().statusCode(200).body("items.size()", equalTo(3)).body("items[0].channel", equalTo("email"));
    }

    @Test
    void aNationalNumberNeedsTheTenantsDefaultRegion() {
        asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"(415) 555-0125\",\"channel\":\"sms\"}")
                .post("/api/v1/opt-outs")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", equalTo(List.of("phone")));
        DncTestData.defaultRegion(em, tenant, "US");
        asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"(415) 555-0125\",\"channel\":\"sms\"}")
                .post("/api/v1/opt-outs")
                .then().statusCode(201).body("phone", equalTo("+14155550125"));
    }

    @Test
    void badChannelSourceAndPhoneAreNamed() {
        asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"x\",\"channel\":\"fax\",\"source\":\"guess\"}")
                .post("/api/v1/opt-outs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("channel", "source")));
        asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"call me\",\"channel\":\"voice\"}")
                .post("/api/v1/opt-outs")
                .then().statusCode(400).body("errors.field", equalTo(List.of("phone")));
        asTenant(tenant).get("/api/v1/opt-outs?channel=fax")
                .then().statusCode(400).body("errors.field", equalTo(List.of("channel")));
        assertEquals(0, DncTestData.count(em, tenant, "SELECT count(*) FROM opt_out WHERE tenant_id = ?1"));
    }

    @Test
    void anOptOutLinksTheContactWithTheNumberAndKeepsTheNumberWhenTheContactIsDeleted() {
        String contactId = asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"+14155550126\"}")
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        String id = asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"+14155550126\",\"channel\":\"voice\"}")
                .post("/api/v1/opt-outs").then().statusCode(201).body("contactId", equalTo(contactId)).extract().path("id");

        TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("DELETE FROM contact WHERE id = ?1").setParameter(1, UUID.fromString(contactId)).executeUpdate()));

        asTenant(tenant).get("/api/v1/opt-outs/" + id)
                .then().statusCode(200).body("phone", equalTo("+14155550126")).body("contactId", nullValue());
    }

    @Test
    void anUnknownOrForeignContactIsNotFound() {
        UUID other = UUID.randomUUID();
        String foreignContact = asTenant(other).contentType(ContentType.JSON).body("{\"phone\":\"+14155550127\"}")
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        asTenant(tenant).contentType(ContentType.JSON)
                .body("{\"phone\":\"+14155550127\",\"channel\":\"voice\",\"contactId\":\"" + foreignContact + "\"}")
                .post("/api/v1/opt-outs")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void removingAnOptOutPublishesItsRemovalAndAnotherTenantCannotSeeOrRemoveIt() {
        String id = asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"+14155550128\",\"channel\":\"sms\"}")
                .post("/api/v1/opt-outs").then().statusCode(201).extract().path("id");
        UUID other = UUID.randomUUID();
        asTenant(other).get("/api/v1/opt-outs/" + id).then().statusCode(404).contentType("application/problem+json");
        asTenant(other).delete("/api/v1/opt-outs/" + id).then().statusCode(404);
        asTenant(other).get("/api/v1/opt-outs").then().statusCode(200).body("items.size()", equalTo(0));

        asTenant(tenant).delete("/api/v1/opt-outs/" + id).then().statusCode(204);
        asTenant(tenant).delete("/api/v1/opt-outs/" + id).then().statusCode(404);
        asTenant(tenant).get("/api/v1/opt-outs/" + id).then().statusCode(404);

        List<EventEnvelope<?>> removed = DncTestData.decodedEvents(em, tenant, REMOVED);
        assertEquals(1, removed.size());
        OptOutRemovedV1 data = (OptOutRemovedV1) removed.get(0).data();
        assertEquals(id, data.optOutId());
        assertEquals("+14155550128", data.phone());
        assertEquals("sms", data.channel());
        assertNull(data.contactId());
        // opting out again after the removal is a new opt-out
        asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"+14155550128\",\"channel\":\"sms\"}")
                .post("/api/v1/opt-outs").then().statusCode(201);
        assertEquals(2, DncTestData.events(em, tenant, ADDED));
    }

    @Test
    void aNonUuidIdIsABadRequestNamingIt() {
        asTenant(tenant).get("/api/v1/opt-outs/nope").then().statusCode(400).body("errors.field", equalTo(List.of("id")));
    }
}
