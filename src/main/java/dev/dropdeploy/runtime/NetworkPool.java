package dev.dropdeploy.runtime;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * THE address plan for project networks, which the egress firewall ({@code scripts/firewall.sh}) relies on. Every
 * project network is one /27 out of the pool (a /15 holds 4,096, where the engine's default pools ran out at about
 * 30). Inside each /27 the engine hands out addresses from the lower half only; the upper half is reserved for
 * DropDeploy's own infrastructure (Traefik, DropDeploy's container in production) at offsets 28 to 30, so the firewall
 * can tell "Traefik opens a connection to an app" (allowed) from "an app opens a connection to anything private"
 * (refused) with one address mask, without knowing any network.
 */
record NetworkPool(int base, int prefix) {

    static final int SUBNET_PREFIX = 27;
    static final int SUBNET_SIZE = 1 << (32 - SUBNET_PREFIX);
    /** Offsets of the infrastructure addresses in a subnet; the firewall matches them as {@code 0.0.0.28/0.0.0.28}. */
    static final int[] INFRASTRUCTURE_OFFSETS = {28, 29, 30};

    static NetworkPool parse(String cidr) {
        String[] parts = cidr.strip().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("The network pool must be a CIDR such as 10.200.0.0/15: " + cidr);
        }
        int prefix = Integer.parseInt(parts[1]);
        if (prefix < 8 || prefix > SUBNET_PREFIX) {
            throw new IllegalArgumentException("The network pool must be between /8 and /27: " + cidr);
        }
        int base = address(parts[0]);
        if ((base & (int) mask(prefix)) != base) {
            throw new IllegalArgumentException("The network pool's address has host bits set: " + cidr);
        }
        return new NetworkPool(base, prefix);
    }

    /** The first /27 of the pool that no existing network uses or overlaps. */
    Optional<String> firstFree(Collection<String> subnetsInUse) {
        List<long[]> used = subnetsInUse.stream()
                .filter(s -> s != null && s.contains("/") && !s.contains(":"))
                .map(NetworkPool::range)
                .toList();
        for (long i = 0; i < capacity(); i++) {
            long start = Integer.toUnsignedLong(base) + i * SUBNET_SIZE;
            long end = start + SUBNET_SIZE;
            if (used.stream().noneMatch(r -> r[0] < end && start < r[1])) {
                return Optional.of(format(start) + "/" + SUBNET_PREFIX);
            }
        }
        return Optional.empty();
    }

    boolean contains(String address) {
        return (address(address) & (int) mask(prefix)) == base;
    }

    long capacity() {
        return 1L << (SUBNET_PREFIX - prefix);
    }

    /** The lower half of a subnet, where the engine allocates containers' addresses. */
    static String containerRange(String subnet) {
        return format(start(subnet)) + "/" + (SUBNET_PREFIX + 1);
    }

    static String gateway(String subnet) {
        return format(start(subnet) + 1);
    }

    static String infrastructureAddress(String subnet, int slot) {
        return format(start(subnet) + INFRASTRUCTURE_OFFSETS[slot]);
    }

    /** [first, end) of a CIDR. */
    private static long[] range(String cidr) {
        String[] parts = cidr.split("/");
        int prefix = Integer.parseInt(parts[1]);
        long start = Integer.toUnsignedLong(address(parts[0]) & (int) mask(prefix));
        return new long[] {start, start + (1L << (32 - prefix))};
    }

    private static long start(String subnet) {
        return Integer.toUnsignedLong(address(subnet.split("/")[0]));
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : 0xFFFFFFFFL << (32 - prefix) & 0xFFFFFFFFL;
    }

    private static int address(String dotted) {
        String[] octets = dotted.strip().split("\\.");
        if (octets.length != 4) {
            throw new IllegalArgumentException("Not an IPv4 address: " + dotted);
        }
        int value = 0;
        for (String octet : octets) {
            int part = Integer.parseInt(octet);
            if (part < 0 || part > 255) {
                throw new IllegalArgumentException("Not an IPv4 address: " + dotted);
            }
            value = value << 8 | part;
        }
        return value;
    }

    private static String format(long address) {
        return "%d.%d.%d.%d".formatted(address >> 24 & 255, address >> 16 & 255, address >> 8 & 255, address & 255);
    }
}
