package io.switchboard.calls.connection;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;

/** Source-IP allow-lists (Bolna): single addresses or CIDR ranges, IPv4 or IPv6, parsed by Netty without DNS. */
public final class IpAllowList {

    private IpAllowList() {
    }

    /** Why an entry is not an address or CIDR range, or empty when it is one. */
    public static Optional<String> problem(String entry) {
        if (entry == null || entry.isBlank()) {
            return Optional.of("must be an IP address or CIDR range");
        }
        String[] parts = entry.trim().split("/", -1);
        boolean v4 = NetUtil.isValidIpV4Address(parts[0]);
        if (!v4 && !NetUtil.isValidIpV6Address(parts[0])) {
            return Optional.of("must be an IP address or CIDR range (203.0.113.7, 203.0.113.0/24, 2001:db8::/32)");
        }
        if (parts.length == 1) {
            return Optional.empty();
        }
        int max = v4 ? 32 : 128;
        try {
            int prefix = Integer.parseInt(parts[1]);
            if (parts.length == 2 && prefix >= 0 && prefix <= max) {
                rule(parts[0], prefix); // an IPv4-mapped IPv6 address is IPv4 to Netty: its prefix must fit 32 bits
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            // not a number, or a prefix the address family cannot take
        }
        return Optional.of("the prefix length must be 0.." + max + " and fit the address");
    }

    private static IpSubnetFilterRule rule(String address, int prefix) {
        return new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT);
    }

    /** Whether {@code clientIp} lies in any entry; false for an unparseable client address. */
    public static boolean allows(List<String> entries, String clientIp) {
        if (clientIp == null) {
            return false;
        }
        byte[] raw = NetUtil.createByteArrayFromIpAddressString(clientIp.trim());
        if (raw == null) {
            return false;
        }
        InetSocketAddress client;
        try {
            client = new InetSocketAddress(InetAddress.getByAddress(raw), 0);
        } catch (UnknownHostException e) {
            return false;
        }
        for (String entry : entries) {
            String[] parts = entry.trim().split("/");
            boolean v4 = NetUtil.isValidIpV4Address(parts[0]);
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : (v4 ? 32 : 128);
            try {
                if (rule(parts[0], prefix).matches(client)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // an entry stored before a stricter check: it allows nothing
            }
        }
        return false;
    }
}
