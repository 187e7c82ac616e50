package io.switchboard.contacts.customer;

import static io.switchboard.contacts.RecordsApi.asTenant;
import static io.switchboard.contacts.RecordsApi.createContact;
import static io.switchboard.contacts.RecordsApi.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contacts.RecordsApi;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.customer.CustomerCreatedV1;
import io.switchboard.events.customer.CustomerDoNotContactChangedV1;

@QuarkusTest
class CustomerApiTest {

    @Inject
    RecordsApi records;

    private final UUID tenant = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @Test
    void convertingAContactMakesItACustomerWithTheTenantsNextReference() {
        String contact = createContact(tenant, "+14155550170");
        String id = json(tenant, """
                {"company":"Analytical Engines Ltd","industry":"Manufacturing","dealValue":12500.5,"dealCurrency":"GBP",
                 "dealClosedDate":"2026-11-21","contractStartDate":"2026-12-01","contractEndDate":"2027-11-30",
                 "paymentTerms":"net 30","accountManager":"Charles Babbage","notes":"quarterly"}""")
                .post("/api/v1/contacts/" + contact + "/customer").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/customers/"))
                .body("customerReference", equalTo("CUS-000001")).body("contactId", equalTo(contact))
                .body("dealValue", equalTo(12500.5f)).body("contractEndDate", equalTo("2027-11-30"))
                .extract().path("id");
        String second = convert(createContact(tenant, "+14155550171"));
        asTenant(tenant).get("/api/v1/customers/" + second).then().statusCode(200).body("customerReference", equalTo("CUS-000002"));
        // another tenant counts from 1
        asTenant(other).get("/api/v1/customers/" + convert(other, createContact(other, "+14155550170"))).then()
                .body("customerReference", equalTo("CUS-000001"));

        assertEquals(1, records.count(tenant, "SELECT count(*) FROM contact WHERE tenant_id = ?1 AND is_customer AND id = '" + contact + "'"));
        List<CustomerCreatedV1> events = records.published(tenant, EventCatalog.CUSTOMER_CREATED);
        assertEquals(2, events.size());
        assertEquals(id, events.get(0).customerId());
        assertEquals("CUS-000001", events.get(0).customerReference());
    }

    @Test
    void deletingTheContactOfADoNotContactCustomerIsRefusedSoTheBlockNeverVanishesSilently() {
        String contact = createContact(tenant, "+14155550178");
        String customer = convert(contact);
        json(tenant, "{\"riskLevel\":\"high\",\"riskScore\":90,\"doNotContact\":true}")
                .put("/api/v1/customers/" + customer + "/profile").then().statusCode(200);

        asTenant(tenant).delete("/api/v1/contacts/" + contact).then().statusCode(409).contentType("application/problem+json");
        asTenant(tenant).get("/api/v1/contacts/" + contact).then().statusCode(200);
        asTenant(tenant).get("/api/v1/customers/" + customer + "/profile").then().statusCode(200).body("doNotContact", equalTo(true));
        assertEquals(0, records.published(tenant, EventCatalog.CUSTOMER_DELETED).size());
    }

    @Test
    void deletingACustomersContactDeletesTheCustomerWithItsEvent() {
        String contact = createContact(tenant, "+14155550179");
        String customer = convert(contact);

        asTenant(tenant).delete("/api/v1/contacts/" + contact).then().statusCode(204);
        asTenant(tenant).get("/api/v1/customers/" + customer).then().statusCode(404);
        assertEquals(1, records.published(tenant, EventCatalog.CUSTOMER_DELETED).size());
        assertEquals(1, records.published(tenant, EventCatalog.CONTACT_DELETED).size());
    }

    @Test
    void aContactIsConvertedOnlyOnce() {
        String contact = createContact(tenant, "+14155550172");
        convert(contact);
        json(tenant, "{}").post("/api/v1/contacts/" + contact + "/customer").then().statusCode(409)
                .contentType("application/problem+json");
        assertEquals(1, records.count(tenant, "SELECT count(*) FROM customer WHERE tenant_id = ?1"));
    }

    @Test
    void concurrentConversionsGetDistinctConsecutiveReferences() {
        List<String> contacts = IntStream.range(0, 8).mapToObj(i -> createContact(tenant, "+1415555018" + i)).toList();
        List<CompletableFuture<String>> racing = contacts.stream()
                .map(c -> CompletableFuture.supplyAsync(() -> json(tenant, "{}").post("/api/v1/contacts/" + c + "/customer")
                        .then().statusCode(201).extract().<String>path("customerReference")))
                .toList();
        Set<String> references = racing.stream().map(CompletableFuture::join).collect(Collectors.toSet());
        assertEquals(IntStream.rangeClosed(1, 8).mapToObj(i -> String.format("CUS-%06d", i)).collect(Collectors.toSet()),
                references);
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndRefusesAContractEndingBeforeItStarts() {
        String id = convert(createContact(tenant, "+14155550173"), "{\"company\":\"Acme\",\"industry\":\"Retail\"}");
        json(tenant, "{\"industry\":\"Logistics\",\"dealValue\":99.99,\"dealCurrency\":\"USD\"}").patch("/api/v1/customers/" + id)
                .then().statusCode(200).body("company", equalTo("Acme")).body("industry", equalTo("Logistics"))
                .body("dealValue", equalTo(99.99f));
        assertEquals(1, records.published(tenant, EventCatalog.CUSTOMER_UPDATED).size());

        json(tenant, "{\"contractStartDate\":\"2027-01-01\",\"contractEndDate\":\"2026-01-01\",\"company\":\"Changed\"}")
                .patch("/api/v1/customers/" + id).then().statusCode(400).body("errors.field", equalTo(List.of("contractEndDate")));
        json(tenant, "{\"dealValue\":-1,\"dealCurrency\":\"dollars\",\"notes\":\"" + "n".repeat(10001) + "\"}")
                .patch("/api/v1/customers/" + id).then().statusCode(400)
                .body("errors.field", equalTo(List.of("dealCurrency", "dealValue", "notes")));
        asTenant(tenant).get("/api/v1/customers/" + id).then().body("company", equalTo("Acme"))
                .body("contractStartDate", nullValue());
        assertEquals(1, records.published(tenant, EventCatalog.CUSTOMER_UPDATED).size());
    }

    @Test
    void settingDoNotContactPublishesItWithThePhoneOnceAndClearingItToo() {
        String id = convert(createContact(tenant, "+14155550174"));
        asTenant(tenant).get(profile(id)).then().statusCode(200).body("riskLevel", equalTo("low")).body("riskScore", equalTo(0))
                .body("doNotContact", equalTo(false));
        String block = "{\"riskLevel\":\"critical\",\"riskScore\":95,\"doNotContact\":true,\"doNotContactReason\":\"legal hold\"}";
        json(tenant, block).put(profile(id)).then().statusCode(200).body("riskLevel", equalTo("critical"))
                .body("doNotContact", equalTo(true)).body("doNotContactReason", equalTo("legal hold"));
        json(tenant, block).put(profile(id)).then().statusCode(200);
        json(tenant, "{\"riskLevel\":\"medium\",\"riskScore\":40,\"doNotContact\":false}").put(profile(id)).then().statusCode(200)
                .body("doNotContactReason", nullValue());

        List<CustomerDoNotContactChangedV1> events = records.published(tenant, EventCatalog.CUSTOMER_DO_NOT_CONTACT_CHANGED);
        assertEquals(2, events.size());
        assertEquals("+14155550174", events.get(0).phone());
        assertEquals(true, events.get(0).doNotContact());
        assertEquals("legal hold", events.get(0).reason());
        assertEquals(false, events.get(1).doNotContact());
        // the repeated PUT changed nothing and published nothing
        assertEquals(2, records.published(tenant, EventCatalog.CUSTOMER_UPDATED).size());
    }

    @Test
    void anInvalidProfileNamesEveryFieldAndChangesNothing() {
        String id = convert(createContact(tenant, "+14155550175"));
        json(tenant, "{\"riskLevel\":\"extreme\",\"riskScore\":101}").put(profile(id)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("doNotContact", "riskLevel", "riskScore")))
                .body("detail", org.hamcrest.Matchers.containsString("low, medium, high, critical"));
        asTenant(tenant).get(profile(id)).then().body("riskLevel", equalTo("low"));
    }

    @Test
    void deletingACustomerKeepsTheContactAndLiftsItsDoNotContact() {
        String contact = createContact(tenant, "+14155550176");
        String id = convert(contact);
        json(tenant, "{\"riskLevel\":\"high\",\"riskScore\":80,\"doNotContact\":true}").put(profile(id)).then().statusCode(200);
        asTenant(tenant).delete("/api/v1/customers/" + id).then().statusCode(204);
        asTenant(tenant).get("/api/v1/customers/" + id).then().statusCode(404);
        asTenant(tenant).get("/api/v1/contacts/" + contact).then().statusCode(200);
        assertEquals(0, records.count(tenant, "SELECT count(*) FROM contact WHERE tenant_id = ?1 AND is_customer"));
        List<CustomerDoNotContactChangedV1> events = records.published(tenant, EventCatalog.CUSTOMER_DO_NOT_CONTACT_CHANGED);
        assertEquals(List.of(true, false), events.stream().map(CustomerDoNotContactChangedV1::doNotContact).toList());
        assertEquals(1, records.published(tenant, EventCatalog.CUSTOMER_DELETED).size());
        // and it can be converted again
        convert(contact);
    }

    @Test
    void customersAreListedNewestFirstAndOnlyToTheirTenant() {
        String first = convert(createContact(tenant, "+14155550177"));
        String second = convert(createContact(tenant, "+14155550178"));
        String cursor = asTenant(tenant).get("/api/v1/customers?limit=1").then().statusCode(200)
                .body("items[0].id", equalTo(second)).body("nextCursor", notNullValue()).extract().path("nextCursor");
        asTenant(tenant).queryParam("cursor", cursor).get("/api/v1/customers?limit=1").then()
                .body("items[0].id", equalTo(first)).body("nextCursor", nullValue());
        asTenant(other).get("/api/v1/customers").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void anotherTenantsCustomerIsNotFoundWhateverTheBodySays() {
        String contact = createContact(tenant, "+14155550179");
        String id = convert(contact);
        asTenant(other).get("/api/v1/customers/" + id).then().statusCode(404);
        json(other, "{}").patch("/api/v1/customers/" + id).then().statusCode(404);
        json(other, "{}").put(profile(id)).then().statusCode(404).contentType("application/problem+json");
        asTenant(other).get(profile(id)).then().statusCode(404);
        asTenant(other).delete("/api/v1/customers/" + id).then().statusCode(404);
        json(other, "{}").post("/api/v1/contacts/" + contact + "/customer").then().statusCode(404);
        asTenant(tenant).get("/api/v1/customers/" + id).then().statusCode(200);
    }

    private String convert(String contact) {
        return convert(tenant, contact);
    }

    private String convert(String contact, String body) {
        return json(tenant, body).post("/api/v1/contacts/" + contact + "/customer").then().statusCode(201).extract().path("id");
    }

    private static String convert(UUID tenant, String contact) {
        return json(tenant, "{}").post("/api/v1/contacts/" + contact + "/customer").then().statusCode(201).extract().path("id");
    }

    private static String profile(String id) {
        return "/api/v1/customers/" + id + "/profile";
    }
}
