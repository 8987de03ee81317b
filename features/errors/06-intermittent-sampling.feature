Feature: Common error 6 - Is it intermittent? The minimal test, many times
  Your workflow HTTP node fails now and then: the guide's Common Errors row 6, "Workflow node fails intermittently".
  Cause: input is too large, retries are too aggressive, or concurrency is too high. Fix: shrink the input and
  return to a minimal test.
  This scenario is that minimal test, run many times, so a platform engineer can tell a builder whether the gateway
  itself fails now and then. For each model under test and each Coze route (API plugin, workflow HTTP node) Coze
  sends the guide's setup with "Reply only OK" the chosen number of times one after another, then as many times
  again, several at a time. Each batch reports how many requests went out, the answers by status
  (e.g. "200: 19, 502: 1 → 5 % failed"; "no answer" when none came), and the p50 and p95 time to first byte and
  total time.
  Why every failed sample counts: Coze's workflow HTTP node retries only when no answer comes at all, never on a
  status, and the API plugin never retries; so a 502 or a 429 in a sample is a failed node run in a builder's
  workflow. The harness does not retry while sampling either.
  How to run it: -Dsamples sets how many times (the scenario is left out of the run unless it is above 1; at most
  200 samples), -Dsamples.concurrency how many at a time (4 unless set). Every sample counts against the run's
  request cap (crazyrouter.maxRequests).

  @error-6 @samples
  Scenario: The minimal test, sent many times on both routes, always gets a chat reply
    Given the guide's minimal test, "Reply only OK" with the guide's setup, for each model under test on both Coze routes
    When Coze runs it the chosen number of times one after another, then as many times again, several at a time
    Then every run of the minimal test gets a chat reply
