package dev.dropdeploy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * THE rule for which addresses a tenant's URL may not make DropDeploy connect to (a webhook, a Git import): this
 * machine, the local networks, and ranges reserved for others, in IPv4, IPv6 and IPv6 forms that carry an IPv4 one.
 */
public final class PrivateAddresses {

    private PrivateAddresses() {}

    /** Addresses a public receiver never has: this machine, the local networks, and ranges reserved for others. */
    public static boolean isPrivate(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPrivateV4(b);
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc; // fc00::/7
            boolean siteLocalOld = (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0; // fec0::/10
            return uniqueLocal || siteLocalOld || embedsPrivateV4(b);
        }
        return true;
    }

    private static boolean isPrivateV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 // "this network"
                || first == 127
                || first >= 224 // multicast, reserved, broadcast
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                || (first == 198 && (second == 18 || second == 19)); // benchmarking
    }

    /** IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) forms carry an IPv4 address that must pass too. */
    private static boolean embedsPrivateV4(byte[] b) {
        boolean zeros = true;
        for (int i = 0; i < 12; i++) {
            zeros &= b[i] == 0;
        }
        boolean nat64 =
                (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        if (!zeros && !nat64) {
            return false;
        }
        byte[] v4 = Arrays.copyOfRange(b, 12, 16);
        try {
            InetAddress embedded = InetAddress.getByAddress(v4);
            return embedded.isLoopbackAddress()
                    || embedded.isSiteLocalAddress()
                    || embedded.isLinkLocalAddress()
                    || isPrivateV4(v4);
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
