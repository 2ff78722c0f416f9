package org.guichet.directory.ldap;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The sockets of {@code ldaps://} connections when the directory's CA is configured: JNDI takes a socket factory only
 * by class name ({@code java.naming.ldap.factory.socket}) and calls its static {@code getDefault()}, so the factory
 * that trusts the configured certificates is kept here, for the one directory Guichet reads.
 */
public final class LdapTrustedSockets extends SSLSocketFactory {

    private static volatile SSLSocketFactory trusted = (SSLSocketFactory) SSLSocketFactory.getDefault();

    private final SSLSocketFactory delegate;

    private LdapTrustedSockets(SSLSocketFactory delegate) {
        this.delegate = delegate;
    }

    static void trust(SSLSocketFactory factory) {
        trusted = factory;
    }

    /** What JNDI calls. */
    public static SocketFactory getDefault() {
        return new LdapTrustedSockets(trusted);
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return delegate.createSocket();
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return delegate.createSocket(socket, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return delegate.createSocket(address, port, localAddress, localPort);
    }
}
