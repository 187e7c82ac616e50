package io.switchboard.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Fake upstream services on random ports: calls on one WireMock, contacts and analytics on another, and
 * campaigns pointing at a port nobody listens on (the "service is down" case).
 */
public class WireMockUpstreams implements QuarkusTestResourceLifecycleManager {

    private WireMockServer calls;
    private WireMockServer contacts;

    @Override
    public Map<String, String> start() {
        calls = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        contacts = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        calls.start();
        contacts.start();
        return Map.of(
                "switchboard.gateway.routes.calls.url", "http://127.0.0.1:" + calls.port(),
                "switchboard.gateway.routes.contacts.url", "http://127.0.0.1:" + contacts.port(),
                "switchboard.gateway.routes.analytics.url", "http://127.0.0.1:" + contacts.port(),
                "switchboard.gateway.routes.campaigns.url", "http://127.0.0.1:" + closedPort());
    }

    @Override
    public void stop() {
        if (calls != null) {
            calls.stop();
        }
        if (contacts != null) {
            contacts.stop();
        }
    }

    /** A client for the WireMock standing in for {@code route} (the test runs in Quarkus' class loader, so no shared statics). */
    public static WireMock upstream(String route) {
        URI url = ConfigProvider.getConfig().getValue("switchboard.gateway.routes." + route + ".url", URI.class);
        return new WireMock(url.getHost(), url.getPort());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
