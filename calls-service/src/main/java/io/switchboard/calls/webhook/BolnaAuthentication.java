package io.switchboard.calls.webhook;

import java.util.List;
import java.util.Map;

import io.switchboard.calls.connection.IpAllowList;

/**
 * Bolna signs nothing: a connection has a shared token (sent as {@code Authorization: Bearer <token>}, Bolna's
 * webhook headers setting), a source-IP allow-list, or both, and every one configured must hold.
 */
final class BolnaAuthentication {

    private BolnaAuthentication() {
    }

    static Verdict verify(String token, List<String> allowedIps, Map<String, String> headers, String clientIp) {
        if (!allowedIps.isEmpty() && !IpAllowList.allows(allowedIps, clientIp)) {
            return Verdict.rejected(Verdict.IP_NOT_ALLOWED);
        }
        if (token == null) {
            return Verdict.ok();
        }
        String given = BearerToken.of(headers);
        if (given == null) {
            return Verdict.rejected(Verdict.MISSING_SIGNATURE);
        }
        return Hmac.same(token, given) ? Verdict.ok() : Verdict.rejected(Verdict.BAD_SIGNATURE);
    }
}
