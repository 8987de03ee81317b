Feature: Common error 6 - Workflow node fails intermittently
  Your workflow HTTP node fails now and then, not every time.
  Cause: input is too large, retries are too aggressive, or concurrency is too high.
  Fix: shrink the input and return to a minimal test.
  What Coze does when it happens: a status of 400 or more fails the workflow node, and the node retries only when
  no answer came at all (a transport error) — never on a status, so a 429 or a 502 is a failed node (the HTTP
  node's exception settings offer no retry and no timeout of their own, only a default output). Its timeout lives
  in one client shared by the whole Coze server: a file download elsewhere can cut it to 20 s.
  What the gateway does: its rate limiter answers 429 without a Retry-After; an input longer than the model's
  context gets the model's own 400 "context_length_exceeded", passed through; a body over the gateway's
  MAX_REQUEST_BODY_MB (128 MB by default in newer releases, no limit in older ones) gets new-api's own 400, far
  beyond any chat input, so no scenario sends one.
  To see how often a model fails, run the sampling (-Dsamples=N, docs/MODELS.md, "Is it intermittent?").
  Sources:
  coze-studio: httprequester (what Coze does when it happens)
  new-api: docs/GATEWAY.md (what the gateway does)

  @error-6 @stub-only
  Scenario: How Coze meets a 429: the workflow node fails, and Coze does not send the request again
    # Documents Coze's behaviour; it judges nothing of Crazyrouter. The stub answers 429 because this scenario tells it
    # to (production cannot be made busy on demand, and this harness must never be the load that makes it so), so no
    # gateway can break what is checked here: what the builder sees, and that the node sent its request once. The
    # gateway's own share of row 6 is probed in every run (06-intermittent-probe.feature) and measured with -Dsamples.
    Given a dedicated Crazyrouter token for Coze
    And Crazyrouter is told to answer the next request with a 429, as new-api's rate limiter does
    When the workflow HTTP node sends "Reply only OK" to gpt-5.4
    Then the workflow node fails, and Coze does not send the request again

  @error-6 @stub-only
  Scenario: An input longer than the model's context gets the model's 400; the minimal test passes
    # Stub only: sending over a megabyte to production on every run would be the impolite load the guide warns of.
    Given a dedicated Crazyrouter token for Coze
    When a bot user types an input longer than the model's context (over 1 MB) and the API plugin's parameter mapping places it into the body for gpt-5.4
    Then Crazyrouter passes on the model's answer that the input is too long (400)
    When the workflow HTTP node sends "Reply only OK" to gpt-5.4
    Then Crazyrouter answers with a chat reply
