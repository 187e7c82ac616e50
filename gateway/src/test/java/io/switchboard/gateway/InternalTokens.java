package io.switchboard.gateway;

import java.nio.file.Files;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import io.smallrye.jwt.util.KeyUtils;
import io.switchboard.testsupport.TestKeys;

/** Verifies what reached an upstream the way a service does: signature, issuer, audience switchboard-services. */
public final class InternalTokens {

    private InternalTokens() {
    }

    public static JwtClaims verify(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.startsWith("Bearer ")) {
            throw new AssertionError("no bearer token upstream: " + authorizationHeader);
        }
        try {
            return new JwtConsumerBuilder()
                    .setVerificationKey(KeyUtils.decodePublicKey(Files.readString(TestKeys.publicKeyPem())))
                    .setExpectedIssuer("https://switchboard.io")
                    .setExpectedAudience("switchboard-services")
                    .setRequireExpirationTime()
                    .setRequireSubject()
                    .build()
                    .processToClaims(authorizationHeader.substring(7));
        } catch (InvalidJwtException e) {
            throw new AssertionError("upstream token does not verify: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
