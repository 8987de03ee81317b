package com.crazyrouter.coze.stubs;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import wiremock.org.eclipse.jetty.server.ConnectionFactory;
import wiremock.org.eclipse.jetty.server.Connector;
import wiremock.org.eclipse.jetty.server.HttpConfiguration;
import wiremock.org.eclipse.jetty.server.Server;

/**
 * WireMock's Jetty, told to keep header values exactly as they arrive. By default Jetty caches the header fields
 * of a kept-alive connection and matches that cache without regard to case, so "Authorization: bearer sk-…" after
 * "Authorization: Bearer sk-…" on the same connection reaches the stub as "Bearer sk-…" — and the stub would forgive
 * a lower-case "bearer" that new-api (Go) sees exactly as sent. Used by the embedded stub, the recording proxy and
 * the stand-in for production in the live-profile tests (as a WireMock extension there).
 */
public class ExactHeaderValues implements HttpServerFactory {

    @Override
    public String getName() {
        return "exact-header-values";
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler adminRequestHandler, StubRequestHandler stubRequestHandler) {
        return new Jetty11HttpServer(options, adminRequestHandler, stubRequestHandler) {
            @Override
            protected void applyAdditionalServerConfiguration(Server server, Options serverOptions) {
                super.applyAdditionalServerConfiguration(server, serverOptions);
                for (Connector connector : server.getConnectors()) {
                    for (ConnectionFactory factory : connector.getConnectionFactories()) {
                        if (factory instanceof HttpConfiguration.ConnectionFactory http) {
                            http.getHttpConfiguration().setHeaderCacheCaseSensitive(true);
                        }
                    }
                }
            }
        };
    }
}
