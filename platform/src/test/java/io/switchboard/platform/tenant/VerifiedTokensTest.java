package io.switchboard.platform.tenant;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.switchboard.testsupport.InfraResource;
import io.switchboard.testsupport.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class VerifiedTokensTest {

    @Inject
    JWTParser parser;

    @Test
    void aTokenVerifiedOnceIsServedFromTheCacheUntilItExpires() throws Exception {
        String token = TestTokens.internal(UUID.randomUUID());
        assertSame(parser.parse(token), parser.parse(token));
    }

    @Test
    void anExpiredTokenIsNeverServedFromTheCache() throws Exception {
        String token = TestTokens.sign(TestTokens.SERVICES_AUDIENCE, UUID.randomUUID(), "u", "user", Set.of("notes:read"),
                Duration.ofSeconds(1));
        JsonWebToken first = parser.parse(token);
        Thread.sleep(Math.max(0, first.getExpirationTime() * 1000 - System.currentTimeMillis()) + 1100);
        JsonWebToken afterExpiry;
        try {
            afterExpiry = parser.parse(token); // verified again (smallrye's clock skew may still accept it)
        } catch (ParseException refused) {
            return; // or refused outright: either way not the cached verification
        }
        assertNotSame(first, afterExpiry);
    }

    @Test
    void aTamperedTokenIsStillRefusedEveryTime() {
        String token = TestTokens.internal(UUID.randomUUID());
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A') + parts[2].substring(1);
        assertThrows(ParseException.class, () -> parser.parse(tampered));
        assertThrows(ParseException.class, () -> parser.parse(tampered));
        // and the request path refuses it too
        given().header("Authorization", "Bearer " + tampered).get("/api/v1/notes/" + UUID.randomUUID())
                .then().statusCode(401);
    }
}
