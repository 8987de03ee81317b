package com.crazyrouter.coze.stubs;

import com.crazyrouter.coze.transport.OffWireMarks;
import com.crazyrouter.coze.transport.OutgoingRequest;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestWrapper;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which scenario each request that reaches the embedded stub comes from, found without changing what Coze sends: a
 * plugin call's per-call log id starts with the scenario's mark (Coze sends a fresh UUID there on every call); the
 * harness's own requests name it in their User-Agent; a workflow node's request, which carries nothing per call, is
 * known by its method, URL and body while the harness has it in flight ({@link #sending}), two identical requests of
 * different scenarios going one after the other. On arrival the stub adds the mark as {@link #HEADER}, a header that
 * exists only inside the stub: its mappings, its request log and the steps that count a scenario's requests read it.
 */
public final class ScenarioMarks implements OffWireMarks, StubRequestFilterV2 {
    /** Added by the stub on arrival, never sent: the mark of the scenario the request comes from. */
    public static final String HEADER = "X-Stub-Scenario-Mark";
    /** ScenarioState's mark: the first 13 characters of a UUID. */
    private static final int MARK_LENGTH = 13;
    private static final Pattern HARNESS_AGENT = Pattern.compile("\\(scenario ([^)]+)\\)");
    private final Map<String, String> inFlight = new HashMap<>();

    @Override
    public <T> T sending(OutgoingRequest request, String mark, Supplier<T> send) {
        String key = key(request.method(), request.url().getRawPath() + (request.url().getRawQuery() == null ? "" : "?" + request.url().getRawQuery()),
                request.body());
        synchronized (inFlight) {
            while (inFlight.containsKey(key)) {
                try {
                    inFlight.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("Interrupted while another scenario's identical request was in flight", e);
                }
            }
            inFlight.put(key, mark);
        }
        try {
            return send.get();
        } finally {
            synchronized (inFlight) {
                inFlight.remove(key);
                inFlight.notifyAll();
            }
        }
    }

    /** The mark of a request as it arrives; empty for one no scenario sent (the preflight, the model lists). */
    Optional<String> markOf(Request request) {
        String logId = request.getHeader("X-Tt-Logid");
        if (logId != null && logId.length() >= MARK_LENGTH) {
            return Optional.of(logId.substring(0, MARK_LENGTH));
        }
        Matcher agent = HARNESS_AGENT.matcher(String.valueOf(request.getHeader("User-Agent")));
        if (agent.find()) {
            return Optional.of(agent.group(1));
        }
        String key = key(request.getMethod().getName(), request.getUrl(), request.getBodyAsString());
        synchronized (inFlight) {
            return Optional.ofNullable(inFlight.get(key));
        }
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        Optional<String> mark = markOf(request);
        return RequestFilterAction.continueWith(mark.isEmpty() ? request : RequestWrapper.create().addHeader(HEADER, mark.get()).wrap(request));
    }

    @Override
    public String getName() {
        return "scenario-marks";
    }

    private static String key(String method, String pathAndQuery, String body) {
        return method + " " + pathAndQuery + "\n" + (body == null ? "" : body);
    }
}
