package org.guichet.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientConnectionsTests {

    private final ClientConnections connections = new ClientConnections(new NetworkSettings(
            List.of("127.0.0.1/32", "::1/128"),
            List.of("10.200.0.0/16"),
            List.of("10.0.0.0/8", "127.0.0.0/8", "::1/128")));

    private static MockHttpServletRequest request(String peer, String... forwardedFor) {
        var request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        for (var header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return request;
    }

    @ParameterizedTest
    @CsvSource({
        "10.1.2.3, INTERNAL",
        "10.200.0.5, VPN",
        "203.0.113.7, NOMADIC",
        "127.0.0.1, INTERNAL",
        "10.199.255.255, INTERNAL",
        "10.201.0.1, INTERNAL",
        "192.168.1.10, NOMADIC"
    })
    void ofWhenForwardedByTrustedProxyThenClientAddressAndItsChannel(String client, Channel channel) {
        var connection = connections.of(request("127.0.0.1", client));

        assertThat(connection).isEqualTo(new ClientConnection(client, channel));
    }

    @Test
    void ofWhenPeerIsNotTrustedThenForwardedHeaderIgnored() {
        var connection = connections.of(request("203.0.113.7", "10.1.2.3"));

        assertThat(connection).isEqualTo(new ClientConnection("203.0.113.7", Channel.NOMADIC));
    }

    @Test
    void ofWhenClientSpoofsHeaderBehindProxyThenNearestUntrustedHopWins() {
        // the client sent "10.1.2.3"; the proxy appended the address it really saw
        var connection = connections.of(request("127.0.0.1", "10.1.2.3, 203.0.113.7"));

        assertThat(connection.address()).isEqualTo("203.0.113.7");
        assertThat(connection.channel()).isEqualTo(Channel.NOMADIC);
    }

    @Test
    void ofWhenSeveralTrustedProxiesThenTheyAreSkipped() {
        var connection = connections.of(request("127.0.0.1", "10.200.0.5", "127.0.0.1"));

        assertThat(connection).isEqualTo(new ClientConnection("10.200.0.5", Channel.VPN));
    }

    @Test
    void ofWhenForwardedHopIsGarbageThenInternetChannelNeverInternal() {
        var connection = connections.of(request("127.0.0.1", "evil.example.org"));

        assertThat(connection.channel()).isEqualTo(Channel.NOMADIC);
        assertThat(connection.address()).isEqualTo("unknown");
    }

    @Test
    void ofWhenPortsOrBracketsThenAddressAlone() {
        assertThat(connections.of(request("127.0.0.1", "203.0.113.7:51234")).address())
                .isEqualTo("203.0.113.7");
        assertThat(connections.of(request("127.0.0.1", "[2001:db8::1]:443")).address())
                .isEqualTo("2001:db8::1");
        assertThat(connections.of(request("::1", "2001:db8::1")).channel()).isEqualTo(Channel.NOMADIC);
    }

    @Test
    void ofWhenNoProxyThenSocketPeer() {
        assertThat(connections.of(request("10.200.3.4"))).isEqualTo(new ClientConnection("10.200.3.4", Channel.VPN));
    }

    @ParameterizedTest
    @CsvSource({
        "0:0:0:0:0:0:0:1, ::1",
        "2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:1:1:1:1:1:0, 2001:db8:1:1:1:1:1:0",
        "0:0:0:0:0:0:0:0, ::",
        "fe80:0:0:0:0:0:0:0, fe80::",
        "203.0.113.7, 203.0.113.7",
        "unknown, unknown"
    })
    void canonicalWhenAddressThenWrittenAsRfc5952Says(String address, String canonical) {
        assertThat(Networks.canonical(address)).isEqualTo(canonical);
    }

    @Test
    void ofWhenIpv6PeerThenItsCanonicalForm() {
        assertThat(connections.of(request("0:0:0:0:0:0:0:1")).address()).isEqualTo("::1");
        assertThat(connections
                        .of(request("0:0:0:0:0:0:0:1", "2001:0db8:0:0:0:0:0:7"))
                        .address())
                .isEqualTo("2001:db8::7");
    }
}
