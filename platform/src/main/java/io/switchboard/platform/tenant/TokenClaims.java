package io.switchboard.platform.tenant;

/**
 * The names of the custom claims in Switchboard tokens, for the gateway that writes them and for every
 * reader (services, the gateway's own checks, test tokens). The role travels in MicroProfile JWT's standard
 * {@code groups} claim. The token contract is docs/auth.md.
 */
public final class TokenClaims {

    /** The tenant (organization) id the token acts for. */
    public static final String TENANT = "tid";
    /** The login session a user's access token belongs to. */
    public static final String SESSION = "sid";
    /** Space-separated scopes, e.g. {@code calls:read contacts:write}. */
    public static final String SCOPE = "scope";

    private TokenClaims() {
    }
}
