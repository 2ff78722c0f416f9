package org.guichet.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Host names of the tests' published applications resolve to the machine itself, as browsers resolve {@code
 * *.localhost}: {@code gis.localhost}, {@code portal.guichet.test}. Every other name is the system's to resolve.
 */
public final class LoopbackNames extends InetAddressResolverProvider {

    @Override
    public InetAddressResolver get(Configuration configuration) {
        var system = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                var name = host.toLowerCase(Locale.ROOT);
                if (name.endsWith(".localhost") || name.endsWith(".guichet.test")) {
                    return Stream.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
                }
                return system.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return system.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return "loopback names of the tests";
    }
}
