package org.guichet.network;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/** A set of address ranges. Only IP literals are ever matched: nothing here resolves a host name. */
public final class Networks {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<IpAddressMatcher> ranges;

    public Networks(List<String> ranges) {
        this.ranges = ranges.stream().map(IpAddressMatcher::new).toList();
    }

    public boolean contains(String address) {
        return isLiteral(address) && ranges.stream().anyMatch(range -> range.matches(address));
    }

    /**
     * The entries that are not an address or a CIDR range written with IP literals ({@code 10.0.0.0/8}, {@code
     * ::1/128}), for forms: a host name would be looked up, a wrong prefix would match nothing or everything.
     */
    public static List<String> invalid(List<String> ranges) {
        return ranges.stream()
                .filter(range -> {
                    var slash = range.indexOf('/');
                    var address = slash < 0 ? range : range.substring(0, slash);
                    if (!isLiteral(address)) {
                        return true;
                    }
                    try {
                        new IpAddressMatcher(range);
                    } catch (IllegalArgumentException e) {
                        return true;
                    }
                    if (slash < 0) {
                        return false;
                    }
                    var prefix = range.substring(slash + 1);
                    var longest = address.contains(":") ? 128 : 32;
                    return !prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > longest;
                })
                .toList();
    }

    /** Whether this is an IPv4 or IPv6 literal (so that matching it never triggers a DNS look-up). */
    public static boolean isLiteral(String address) {
        return IPV4.matcher(address).matches() || IPV6.matcher(address).matches();
    }

    /**
     * The address as RFC 5952 writes it ({@code ::1}, {@code 2001:db8::1}: lower case, no leading zeros, the longest
     * run of two or more zero groups shortened to {@code ::}); an IPv4 address or anything that is not a literal is
     * returned as it is. Nothing is looked up.
     */
    public static String canonical(String address) {
        if (!IPV6.matcher(address).matches()) {
            return address;
        }
        byte[] bytes;
        try {
            // an IPv6 literal is parsed, never resolved
            if (!(InetAddress.getByName(address) instanceof Inet6Address v6)) {
                return address;
            }
            bytes = v6.getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return address;
        }
        var groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        var text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
