package io.switchboard.gateway.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.gateway.Accounts;
import io.switchboard.gateway.Accounts.Account;
import io.switchboard.gateway.Db;
import io.switchboard.gateway.security.Secrets;

@QuarkusTest
class EmailVerificationTest {

    @Inject
    CapturingAccountMailer mailer;

    @Test
    void signUpMailsAVerificationTokenThatVerifiesTheAddressOnce() {
        Account admin = Accounts.signup();
        List<AccountMailer.EmailVerificationMail> mails = mailer.verificationsTo(admin.email());
        assertEquals(1, mails.size());
        String token = mails.get(0).token();
        assertEquals(1, Db.count("SELECT count(*) FROM email_verification_tokens WHERE token_hash = ?", Secrets.sha256(token)));
        assertEquals(0, Db.count("SELECT count(*) FROM email_verification_tokens WHERE token_hash = ?", token),
                "only the hash is stored");
        given().header("Authorization", admin.bearer()).get("/api/v1/users/me")
                .then().statusCode(200).body("user.emailVerified", equalTo(false));

        verify(token).then().statusCode(204);

        given().header("Authorization", admin.bearer()).get("/api/v1/users/me")
                .then().statusCode(200).body("user.emailVerified", equalTo(true));
        verify(token).then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("token"));
    }

    @Test
    void anUnknownOrExpiredTokenIsA400NamingTheToken() {
        verify("no-such-token").then().statusCode(400).body("errors.field", hasItem("token"));

        Account admin = Accounts.signup();
        String token = mailer.verificationsTo(admin.email()).get(0).token();
        Db.update("UPDATE email_verification_tokens SET expires_at = now() - interval '1 minute' WHERE token_hash = ?",
                Secrets.sha256(token));
        verify(token).then().statusCode(400).body("errors.field", hasItem("token"));
    }

    @Test
    void withVerificationNotRequiredTheSignUpCreditsArriveAtSignUpAndVerifyingAddsNone() {
        Account admin = Accounts.signup();
        given().header("Authorization", admin.bearer()).get("/api/v1/credits").then().body("balance", equalTo(15));

        verify(mailer.verificationsTo(admin.email()).get(0).token()).then().statusCode(204);

        given().header("Authorization", admin.bearer()).get("/api/v1/credits").then().body("balance", equalTo(15));
    }

    private static io.restassured.response.Response verify(String token) {
        return given().contentType("application/json").body(Map.of("token", token)).post("/api/v1/auth/verify-email");
    }
}
