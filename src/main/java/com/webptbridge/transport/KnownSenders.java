package com.webptbridge.transport;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The senders a listener port knows: addresses ({@code 10.1.2.3} or {@code 10.1.2.0/24}) and TLS
 * client certificate subjects (as RFC 2253 names, {@code CN=webpt-prod,O=WebPT}). A known sender's
 * connections use the part of the connection cap kept for known senders, so a flood of strangers
 * cannot lock it out.
 */
public record KnownSenders(List<String> addresses, List<String> subjects) {

    public static final KnownSenders NONE = new KnownSenders(List.of(), List.of());

    public KnownSenders {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        for (String a : addresses) {
            rule(a); // refuses a malformed address at start, naming it
        }
    }

    public boolean isEmpty() {
        return addresses.isEmpty() && subjects.isEmpty();
    }

    /** Both lists together (several interfaces on one port). */
    public KnownSenders and(KnownSenders other) {
        return new KnownSenders(
                java.util.stream.Stream.concat(addresses.stream(), other.addresses.stream())
                        .distinct()
                        .toList(),
                java.util.stream.Stream.concat(subjects.stream(), other.subjects.stream())
                        .distinct()
                        .toList());
    }

    boolean knowsAddress(SocketAddress remote) {
        return remote instanceof InetSocketAddress a && addresses.stream().anyMatch(r -> rule(r).matches(a));
    }

    boolean knowsSubject(String subject) {
        return subject != null && normalised(subjects).contains(normalise(subject));
    }

    private static IpSubnetFilterRule rule(String address) {
        String[] parts = address.trim().split("/", 2);
        try {
            boolean v6 = parts[0].contains(":");
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : v6 ? 128 : 32;
            return new IpSubnetFilterRule(parts[0], bits, IpFilterRuleType.ACCEPT);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "Sender address '" + address + "' is not an IP address or a network (10.1.2.3 or 10.1.2.0/24)");
        }
    }

    private static Set<String> normalised(List<String> subjects) {
        return subjects.stream().map(KnownSenders::normalise).collect(Collectors.toSet());
    }

    /** The subject as the JDK writes it (RFC 2253), so spacing after commas does not matter. */
    private static String normalise(String subject) {
        try {
            return new javax.security.auth.x500.X500Principal(subject.trim()).getName();
        } catch (IllegalArgumentException e) {
            return subject.trim();
        }
    }
}
