package com.crazyrouter.coze.stubs;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty.Jetty12HttpServer;
import com.github.tomakehurst.wiremock.jetty.JettySettings;
import com.github.tomakehurst.wiremock.message.MessageStubRequestHandler;
import com.github.tomakehurst.wiremock.standalone.CommandLineOptions;
import wiremock.org.eclipse.jetty.server.ConnectionFactory;
import wiremock.org.eclipse.jetty.server.Connector;
import wiremock.org.eclipse.jetty.server.HttpConfiguration;
import wiremock.org.eclipse.jetty.server.Server;
import wiremock.org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * WireMock's Jetty, told to keep header values exactly as they arrive. By default Jetty caches the header fields
 * of a kept-alive connection and matches that cache without regard to case, so "Authorization: bearer sk-…" after
 * "Authorization: Bearer sk-…" on the same connection reaches the stub as "Bearer sk-…" — and the stub would forgive
 * a lower-case "bearer" that new-api (Go) sees exactly as sent. Used by the embedded stub, the recording proxy and
 * the stand-in for production in the live-profile tests (through {@link #main} there).
 */
public class ExactHeaderValues implements HttpServerFactory {

    /**
     * WireMock standalone, given its own command line ({@code --port 0 --root-dir DIR …}), on this factory's Jetty:
     * WireMock 4's runner ({@code wiremock.Run}) always builds its default Jetty and ignores a server factory named in
     * {@code --extensions}. Prints WireMock's own start-up lines, the bound port ("port:   40871") among them.
     */
    public static void main(String... args) {
        CommandLineOptions options = standalone(args);
        WireMockServer server = new WireMockServer(options);
        server.start();
        options.setActualHttpPort(server.port());
        System.out.println(options);
    }

    /** WireMock standalone's options from its command line, with this factory for the server. */
    static CommandLineOptions standalone(String... args) {
        return new CommandLineOptions(args) {
            @Override
            public HttpServerFactory httpServerFactory() {
                return new ExactHeaderValues();
            }
        };
    }

    @Override
    public String getName() {
        return "exact-header-values";
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler adminRequestHandler, StubRequestHandler stubRequestHandler,
            MessageStubRequestHandler messageStubRequestHandler) {
        // as WireMock's own JettyHttpServerFactory builds it, with Jetty's default settings
        return new Jetty12HttpServer(options, adminRequestHandler, stubRequestHandler, JettySettings.Builder.aJettySettings().build(),
                new QueuedThreadPool(options.containerThreads()), messageStubRequestHandler) {
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
