Feature: Common error 6 - Workflow node fails intermittently: a few minimal tests in every run
  Your workflow HTTP node fails now and then: the guide's fix for row 6 is to shrink the input and return to a
  minimal test. Every run, live included, sends that minimal test a few times in a row through the workflow HTTP
  node — "Reply only OK" with the guide's setup, exactly as Coze sends it, and without a retry of a status, since
  Coze's node never retries one — and reports the answers by status, p50 and p95, and how far p95 stays within
  Coze's timeouts (the workflow HTTP node's 120 s by default, the workflow plugin node's 3 min; a plugin tool called
  by a bot has none). A failed request is a failed node run
  for a builder, so any failure is red. Five requests cannot measure a failure rate: for that, run the sampling
  (-Dsamples=20, docs/MODELS.md, "Is it intermittent?"), which this probe does not replace.
  Sources:
  coze-studio httprequester: a status of 400 or more fails the node; only a transport error is retried
  docs/COZE.md §2: the workflow node's timeout default
  docs/COZE.md §3: the workflow plugin node's 3 min (coze-studio setting-on-error constants.ts); a bot's tool has none

  @error-6
  Scenario: A few minimal tests in a row through the workflow HTTP node all get a chat reply
    Given a dedicated Crazyrouter token for Coze
    When the workflow HTTP node runs the minimal test with gpt-5.4 a few times, one after another
    Then every one gets a chat reply, and the report shows p50, p95 and the headroom against Coze's timeouts
