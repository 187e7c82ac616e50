package io.switchboard.gateway.security;

import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

/** The public half of the signing key, for anyone who verifies gateway tokens without sharing the PEM file. */
@Path("/.well-known/jwks.json")
public class JwksResource {

    @Inject
    TokenIssuer tokens;

    @Inject
    AuthConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> jwks() {
        RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) tokens.publicKey());
        jwk.setKeyId(config.keyId());
        jwk.setAlgorithm("RS256");
        jwk.setUse("sig");
        return Map.of("keys", List.of(jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
    }
}
