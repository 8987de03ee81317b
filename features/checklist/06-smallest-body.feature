Feature: Checklist 6 - Validated the smallest request body with gpt-5.4
  The smallest body is {"model":"gpt-5.4","messages":[{"role":"user","content":"Reply only OK"}]}.
  The reply must be a complete chat completion (id, object, created, model, choices, usage), checked
  against a JSON schema, and it must come from the model that was asked for.

  @checklist-6
  Scenario Outline: The smallest body through the <route> gets a complete chat completion from gpt-5.4
    Given a dedicated Crazyrouter token for Coze
    When the <route> sends "Reply only OK" to gpt-5.4
    Then Crazyrouter answers with a chat reply
    And the reply text is available at choices[0].message.content

    Examples:
      | route              |
      | API plugin         |
      | workflow HTTP node |
