package io.switchboard.calls.webhook;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.restassured.http.ContentType;
import io.switchboard.testsupport.TestTokens;

/** Test helpers: create a connection through the API, sign a delivery as each provider would. */
public final class Signed {

    public static final String PUBLIC_BASE = "http://localhost:8080";

    private Signed() {
    }

    public static UUID connection(UUID tenant, String json) {
        return UUID.fromString(given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON).body(json)
                .post("/api/v1/provider-connections").then().statusCode(201).extract().path("id"));
    }

    static String retell(String apiKey, String body, Instant at) {
        String ts = String.valueOf(at.toEpochMilli());
        return "v=" + ts + ",d=" + Hmac.sha256Hex(apiKey, body.getBytes(StandardCharsets.UTF_8), ts.getBytes(StandardCharsets.UTF_8));
    }

    static String elevenLabs(String secret, String body, Instant at) {
        String ts = String.valueOf(at.getEpochSecond());
        return "t=" + ts + ",v0=" + Hmac.sha256Hex(secret, (ts + ".").getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8));
    }

    static String vapiHmac(String secret, String body) {
        return Hmac.sha256Hex(secret, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Twilio's scheme, written out independently of the SDK under test: base64 HMAC-SHA1 of URL + sorted name+value. */
    public static String twilio(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
