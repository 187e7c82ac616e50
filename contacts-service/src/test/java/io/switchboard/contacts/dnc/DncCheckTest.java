package io.switchboard.contacts.dnc;

import static io.switchboard.contacts.dnc.DncTestData.asTenant;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class DncCheckTest {

    private final UUID tenant = UUID.randomUUID();

    @Test
    void aNumberOnNoListAndWithoutOptOutMayBeCalled() {
        check(tenant, "+14155550201", "voice").statusCode(200)
                .body("allowed", equalTo(true)).body("reasons", empty()).body("phone", equalTo("+14155550201"))
                .body("channel", equalTo("voice"));
    }

    @Test
    void anOptOutBlocksOnlyItsChannel() {
        optOut("+14155550202", "sms");
        check(tenant, "+14155550202", "sms").body("allowed", equalTo(false))
                .body("reasons.kind", equalTo(List.of("opt_out"))).body("reasons[0].since", notNullValue())
                .body("reasons[0].containsKey('listId')", equalTo(false));
        check(tenant, "+14155550202", "voice").body("allowed", equalTo(true));
        check(tenant, "+14155550202", "email").body("allowed", equalTo(true));
    }

    @Test
    void theInternalListAlwaysAppliesToCallsButNotToTexts() {
        list("internal", "+14155550203");
        String internalId = asTenant(tenant).get("/api/v1/dnc/lists/internal").then().extract().path("id");
        check(tenant, "+14155550203", "voice").body("allowed", equalTo(false))
                .body("reasons.kind", equalTo(List.of("internal_dnc"))).body("reasons[0].listId", equalTo(internalId));
        check(tenant, "+14155550203", "sms").body("allowed", equalTo(true));
    }

    @Test
    void aCustomerMarkedDoNotContactIsBlockedOnEveryChannelUntilTheFlagIsLifted() {
        String contact = asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"+14155550209\"}")
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        String customer = asTenant(tenant).contentType(ContentType.JSON).body("{\"company\":\"Acme\"}")
                .post("/api/v1/contacts/" + contact + "/customer").then().statusCode(201).extract().path("id");
        check(tenant, "+14155550209", "voice").body("allowed", equalTo(true));

        profile(customer, true);
        for (String channel : List.of("voice", "sms", "email")) {
            check(tenant, "+14155550209", channel).body("allowed", equalTo(false))
                    .body("reasons.kind", equalTo(List.of("customer_do_not_contact"))).body("reasons[0].since", notNullValue());
        }
        check(UUID.randomUUID(), "+14155550209", "voice").body("allowed", equalTo(true)); // another tenant's customer

        profile(customer, false);
        check(tenant, "+14155550209", "voice").body("allowed", equalTo(true));
    }

    private void profile(String customer, boolean doNotContact) {
        asTenant(tenant).contentType(ContentType.JSON)
                .body("{\"riskLevel\":\"high\",\"riskScore\":80,\"doNotContact\":" + doNotContact + "}")
                .put("/api/v1/customers/" + customer + "/profile").then().statusCode(200);
    }

    @Test
    void aNamedListAppliesOnlyWhenTheCheckNamesIt() {
        String named = DncListApiTest.createList(tenant, "campaign list");
        String other = DncListApiTest.createList(tenant, "other list");
        list(named, "+14155550204");
        check(tenant, "+14155550204", "voice").body("allowed", equalTo(true));
        asTenant(tenant).queryParam("phone", "+14155550204").get("/api/v1/dnc/check?listIds=" + other).then().body("allowed", equalTo(true));
        asTenant(tenant).queryParam("phone", "+14155550204").get("/api/v1/dnc/check?listIds=" + other + "," + named)
                .then().statusCode(200).body("allowed", equalTo(false))
                .body("reasons.kind", equalTo(List.of("list_dnc"))).body("reasons[0].listId", equalTo(named));
        // repeated parameters work too, and every reason is listed
        optOut("+14155550204", "voice");
        list("internal", "+14155550204");
        asTenant(tenant).queryParam("phone", "+14155550204").get("/api/v1/dnc/check?listIds=" + other + "&listIds=" + named)
                .then().body("allowed", equalTo(false)).body("reasons.size()", equalTo(3));
    }

    @Test
    void anotherTenantsBlocksDoNotApplyAndItsListsAreNotFound() {
        String named = DncListApiTest.createList(tenant, "mine");
        list(named, "+14155550205");
        list("internal", "+14155550205");
        optOut("+14155550205", "voice");
        UUID other = UUID.randomUUID();
        check(other, "+14155550205", "voice").body("allowed", equalTo(true));
        asTenant(other).queryParam("phone", "+14155550205").get("/api/v1/dnc/check?listIds=" + named)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badInputIsNamed() {
        asTenant(tenant).get("/api/v1/dnc/check").then().statusCode(400).body("errors.field", equalTo(List.of("phone")));
        asTenant(tenant).queryParam("phone", "nope").get("/api/v1/dnc/check").then().statusCode(400).body("errors.field", equalTo(List.of("phone")));
        asTenant(tenant).queryParam("phone", "+14155550206").get("/api/v1/dnc/check?channel=fax")
                .then().statusCode(400).body("errors.field", equalTo(List.of("channel")));
        asTenant(tenant).queryParam("phone", "+14155550206").get("/api/v1/dnc/check?listIds=abc")
                .then().statusCode(400).body("errors.field", equalTo(List.of("listIds")));
        asTenant(tenant).queryParam("phone", "+14155550206").get("/api/v1/dnc/check?listIds=" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    private ValidatableResponse check(UUID who, String phone, String channel) {
        return asTenant(who).queryParam("phone", phone).queryParam("channel", channel).get("/api/v1/dnc/check").then().statusCode(200);
    }

    private void optOut(String phone, String channel) {
        asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"" + phone + "\",\"channel\":\"" + channel + "\"}")
                .post("/api/v1/opt-outs").then().statusCode(201);
    }

    private void list(String list, String phone) {
        asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"" + phone + "\"}")
                .post("/api/v1/dnc/lists/" + list + "/numbers").then().statusCode(201);
    }
}
