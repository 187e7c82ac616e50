package io.switchboard.contacts.consent;

import static io.switchboard.contacts.RecordsApi.asTenant;
import static io.switchboard.contacts.RecordsApi.createContact;
import static io.switchboard.contacts.RecordsApi.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contacts.RecordsApi;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.consent.ConsentGrantedV1;
import io.switchboard.events.consent.ConsentRevokedV1;

@QuarkusTest
class ConsentApiTest {

    @Inject
    RecordsApi records;

    @Inject
    ConsentService service;

    private final UUID tenant = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @Test
    void grantedVoiceConsentIsValidNowAndPublishedWithThePhone() {
        String contact = createContact(tenant, "+14155550160");
        assertFalse(validVoice(contact));
        String id = json(tenant, """
                {"channel":"voice","type":"prior_express_written","source":"web_form","capturedAt":"2026-01-10T09:00:00Z",
                 "evidence":"https://forms.example.com/signed/8812","expiresAt":"2099-01-10T09:00:00Z"}""")
                .post(consents(contact)).then().statusCode(201)
                .body("channel", equalTo("voice")).body("type", equalTo("prior_express_written"))
                .body("validNow", equalTo(true)).body("revokedAt", nullValue())
                .body("evidence", equalTo("https://forms.example.com/signed/8812")).extract().path("id");

        asTenant(tenant).get(consents(contact)).then().statusCode(200).body("items.id", equalTo(List.of(id)));
        assertTrue(validVoice(contact));
        List<ConsentGrantedV1> events = records.published(tenant, EventCatalog.CONSENT_GRANTED);
        assertEquals(List.of(new ConsentGrantedV1(id, contact, "+14155550160", "voice", "prior_express_written", "web_form",
                Instant.parse("2026-01-10T09:00:00Z"), Instant.parse("2099-01-10T09:00:00Z"))), events);
    }

    @Test
    void revokingEndsValidityAndIsPublishedOnlyOnce() {
        String contact = createContact(tenant, "+14155550161");
        String id = grant(contact, "{\"channel\":\"voice\",\"type\":\"prior_express\"}");
        asTenant(tenant).post(consents(contact) + "/" + id + "/revoke").then().statusCode(200)
                .body("revokedAt", notNullValue()).body("validNow", equalTo(false));
        String revokedAt = asTenant(tenant).post(consents(contact) + "/" + id + "/revoke").then().statusCode(200)
                .extract().path("revokedAt");
        assertFalse(validVoice(contact));
        List<ConsentRevokedV1> events = records.published(tenant, EventCatalog.CONSENT_REVOKED);
        assertEquals(1, events.size());
        assertEquals("+14155550161", events.get(0).phone());
        assertEquals(Instant.parse(revokedAt), events.get(0).revokedAt());
    }

    @Test
    void onlyUnexpiredUnrevokedConsentOnTheVoiceChannelCountsAsVoiceConsent() {
        String contact = createContact(tenant, "+14155550162");
        grant(contact, "{\"channel\":\"sms\",\"type\":\"prior_express_written\"}");
        grant(contact, """
                {"channel":"voice","type":"prior_express_written","capturedAt":"2020-01-01T00:00:00Z","expiresAt":"2021-01-01T00:00:00Z"}""");
        assertFalse(validVoice(contact));
        // it was valid while it ran, and not before it was captured
        UUID contactId = UUID.fromString(contact);
        assertTrue(records.inTenant(tenant, () -> service.hasValidConsent(tenant, contactId, "voice",
                OffsetDateTime.of(2020, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC))));
        assertFalse(records.inTenant(tenant, () -> service.hasValidConsent(tenant, contactId, "voice",
                OffsetDateTime.of(2019, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC))));
    }

    @Test
    void unknownChannelAndTypeAndAnExpiryBeforeCaptureAreNamed() {
        String contact = createContact(tenant, "+14155550163");
        json(tenant, "{\"channel\":\"fax\",\"type\":\"verbal\"}").post(consents(contact)).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("channel", "type")))
                .body("detail", org.hamcrest.Matchers.containsString("voice, sms, email"));
        json(tenant, "{}").post(consents(contact)).then().statusCode(400).body("errors.field", equalTo(List.of("channel", "type")));
        json(tenant, """
                {"channel":"voice","type":"prior_express","capturedAt":"2026-02-01T00:00:00Z","expiresAt":"2026-01-01T00:00:00Z"}""")
                .post(consents(contact)).then().statusCode(400).body("errors.field", equalTo(List.of("expiresAt")));
        json(tenant, "{\"channel\":\"voice\",\"type\":\"prior_express\",\"capturedAt\":\"+99999-01-01T00:00:00Z\"}")
                .post(consents(contact)).then().statusCode(400).body("errors.field", equalTo(List.of("capturedAt")));
        asTenant(tenant).get(consents(contact)).then().body("items.size()", equalTo(0));
        assertEquals(0, records.published(tenant, EventCatalog.CONSENT_GRANTED).size());
    }

    @Test
    void anotherTenantsContactAndConsentAreNotFound() {
        String contact = createContact(tenant, "+14155550164");
        String id = grant(contact, "{\"channel\":\"voice\",\"type\":\"prior_express\"}");
        json(other, "{}").post(consents(contact)).then().statusCode(404).contentType("application/problem+json");
        asTenant(other).get(consents(contact)).then().statusCode(404);
        asTenant(other).post(consents(contact) + "/" + id + "/revoke").then().statusCode(404);
        asTenant(tenant).post(consents(contact) + "/" + UUID.randomUUID() + "/revoke").then().statusCode(404);
        assertTrue(validVoice(contact));
    }

    private boolean validVoice(String contact) {
        return records.inTenant(tenant, () -> service.hasValidVoiceConsentNow(tenant, UUID.fromString(contact)));
    }

    private String grant(String contact, String body) {
        return json(tenant, body).post(consents(contact)).then().statusCode(201).extract().path("id");
    }

    private static String consents(String contact) {
        return "/api/v1/contacts/" + contact + "/consents";
    }
}
