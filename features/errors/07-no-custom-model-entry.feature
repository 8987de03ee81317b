Feature: Common error 7 - No "model management" custom-upstream entry
  You look in Coze for a "model management" entry to add Crazyrouter as a custom upstream, and there is none.
  Cause: your Coze version or plan is different (custom models are an enterprise flagship capability).
  Fix: go back to the HTTP / API plugin route instead of relying on enterprise-only capabilities.
  What Crazyrouter can show: the plain HTTP route needs nothing but the token — no custom-model registration,
  no upstream settings. By hand, a person checks that no step of their setup uses a "model management" page.

  @error-7
  Scenario Outline: The <route> route works with nothing but the token
    Given a dedicated Crazyrouter token for Coze
    When the <route> sends "Reply only OK" to gpt-5.4
    Then Crazyrouter answers with a chat reply
    And the reply text is available at choices[0].message.content

    Examples:
      | route              |
      | API plugin         |
      | workflow HTTP node |
