Feature: Common error 6 - Workflow node fails intermittently
  Cause: input is too large, retries are too aggressive, or concurrency is too high.
  Fix: shrink the input and return to a minimal test.

  @error-6 @stub-only
  Scenario: A busy gateway asks Coze to wait; waiting as asked succeeds
    # Stub only: production cannot be made busy on demand, and this harness must never be the load that makes it so.
    Given a dedicated Crazyrouter token for Coze
    And Crazyrouter is briefly overloaded
    When the workflow HTTP node sends "Reply only OK" to gpt-5.4
    Then Crazyrouter asks Coze to slow down (429)
    And Crazyrouter says how long to wait before retrying
    When Coze waits as long as Crazyrouter asked and sends the same request again
    Then Crazyrouter answers with a chat reply

  @error-6 @stub-only
  Scenario: An oversized input is rejected; the minimal test passes
    # Stub only: sending over a megabyte to production on every run would be the impolite load the guide warns of.
    Given a dedicated Crazyrouter token for Coze
    When a bot user types an oversized input (over 1 MB) and the API plugin's parameter mapping places it into the body for gpt-5.4
    Then Crazyrouter rejects the input as too large (413)
    When the workflow HTTP node sends "Reply only OK" to gpt-5.4
    Then Crazyrouter answers with a chat reply
