package io.switchboard.contacts.settings;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.switchboard.testsupport.TestTokens;

@QuarkusTest
class ContactSettingsApiTest {

    private final UUID tenantA = UUID.randomUUID();
    private final UUID tenantB = UUID.randomUUID();

    @Test
    void aTenantWithoutSettingsHasTheDefaults() {
        asTenant(tenantA).get("/api/v1/contact-settings").then().statusCode(200)
                .body("defaultRegion", nullValue()).body("defaultTimeZone", nullValue())
                .body("autoCreateContacts", equalTo(true)).body("saveMemories", equalTo(true)).body("updatedAt", nullValue());
    }

    @Test
    void savedSettingsAreReadBackByTheirTenantOnlyAndLeftOutFlagsAreTrue() {
        asTenant(tenantA).contentType(ContentType.JSON)
                .body("{\"defaultRegion\":\"gb\",\"defaultTimeZone\":\"Europe/London\",\"saveMemories\":false}")
                .put("/api/v1/contact-settings").then().statusCode(200)
                .body("defaultRegion", equalTo("GB")).body("autoCreateContacts", equalTo(true)).body("saveMemories", equalTo(false));
        asTenant(tenantA).get("/api/v1/contact-settings").then().statusCode(200)
                .body("defaultRegion", equalTo("GB")).body("defaultTimeZone", equalTo("Europe/London"))
                .body("saveMemories", equalTo(false)).body("updatedAt", notNullValue());
        asTenant(tenantB).get("/api/v1/contact-settings").then().statusCode(200)
                .body("defaultRegion", nullValue()).body("saveMemories", equalTo(true));
        // a PUT replaces the whole: what is left out goes back to its default
        asTenant(tenantA).contentType(ContentType.JSON).body("{\"autoCreateContacts\":false}")
                .put("/api/v1/contact-settings").then().statusCode(200)
                .body("defaultRegion", nullValue()).body("autoCreateContacts", equalTo(false)).body("saveMemories", equalTo(true));
    }

    @Test
    void anUnknownRegionOrZoneIsABadRequestNamingItAndChangesNothing() {
        asTenant(tenantA).contentType(ContentType.JSON).body("{\"defaultRegion\":\"XX\"}")
                .put("/api/v1/contact-settings").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("defaultRegion")));
        asTenant(tenantA).contentType(ContentType.JSON).body("{\"defaultTimeZone\":\"EST\"}")
                .put("/api/v1/contact-settings").then().statusCode(400).body("errors.field", equalTo(List.of("defaultTimeZone")));
        asTenant(tenantA).get("/api/v1/contact-settings").then().body("updatedAt", nullValue());
    }

    private static RequestSpecification asTenant(UUID tenant) {
        return given().header("Authorization", TestTokens.bearer(tenant));
    }
}
