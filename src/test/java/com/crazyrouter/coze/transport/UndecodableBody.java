package com.crazyrouter.coze.transport;

import com.crazyrouter.coze.guide.ContractViolation;
import com.crazyrouter.coze.guide.Finding;
import java.util.Optional;

/**
 * Crazyrouter answered — status and headers came — with a body that says it is gzip but that Go's reader cannot decode.
 * Coze fails reading it on either route, once (the answer's headers came, so the node's retry loop is over). The Coze
 * route that sent the request says what the builder sees and contract/Diagnosis what it is.
 */
public final class UndecodableBody extends ContractViolation {
    private final transient GatewayReply compressed;
    private final String goError;

    UndecodableBody(GatewayReply compressed, String where, String goError) {
        super("Crazyrouter answered " + compressed.status() + " to " + where + " with Content-Encoding: gzip, but the body does not decode as gzip: "
                + "Go's reader fails with \"" + goError + "\"", (Finding) null, Optional.empty());
        this.compressed = compressed;
        this.goError = goError;
    }

    /** The answer as it came, its body the undecoded bytes as text (redacted). */
    public GatewayReply reply() {
        return compressed;
    }

    /** What Go's gzip reader returns, which Coze shows: "gzip: invalid header", "unexpected EOF", … */
    public String goError() {
        return goError;
    }
}
