Feature: Checklist 6 - Validated the smallest request body with gpt-5.4
  You test the plugin or node first with the smallest body:
  {"model":"gpt-5.4","messages":[{"role":"user","content":"Reply only OK"}]}.
  The reply must be a complete chat completion (id, object, created, model, choices, usage), checked
  against a JSON schema, and it must come from the model that was asked for.
  The smallest body has no "stream": true, and it must not: neither Coze route streams. The plugin accepts only a
  JSON object as the reply ("response is not object"); the workflow node reads the whole answer and hands it on as
  its body string. Crazyrouter streams fine — the model matrix checks that — but Coze cannot use it.
  Sources:
  coze-studio: the plugin tool's reply and the workflow HTTP node's body output

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

  @checklist-6
  Scenario Outline: "stream": true in the body through the <route>: <what Coze shows>
    Given a dedicated Crazyrouter token for Coze
    And the request body asks for "stream": true
    When the <route> sends "Reply only OK" to gpt-5.4
    Then <what Coze shows>

    Examples:
      | route              | what Coze shows                                                      |
      | API plugin         | the plugin tool fails because the reply is not a JSON object         |
      | workflow HTTP node | the node passes on the raw event stream as its body, not a chat reply |
