Feature: Checklist 5 - Set Content-Type to application/json
  You set Content-Type to application/json. Without it, the error you see seems to be about the model: with the
  dedicated token "no access to model" (403), with a token without an allowlist "model name not specified" (400).
  That is because without a JSON Content-Type Crazyrouter does not read the body, so it cannot see which model is
  asked for.
  In Coze the body type decides the header: a workflow node with body type JSON sends application/json itself,
  with body type raw text it sends text/plain; a Content-Type written by hand comes first, and the gateway reads
  the first. The plugin tool sends its JSON request body as application/json. The table below writes the header by
  hand on the plugin.
  Sources:
  coze-studio: httprequester adds the body type's Content-Type after the headers

  @checklist-5
  Scenario Outline: Content-Type <content type>
    Given a dedicated Crazyrouter token for Coze
    And the Content-Type header is set to "<content type>"
    When the API plugin sends "Reply only OK" to gpt-5.4
    Then <what happens>

    Examples:
      | content type                    | what happens                           |
      | application/json                | Crazyrouter answers with a chat reply  |
      | application/json; charset=utf-8 | Crazyrouter answers with a chat reply  |
      | text/plain                      | Crazyrouter cannot read the model name |
      | application/x-www-form-urlencoded | Crazyrouter cannot read the model name |

  @checklist-5
  Scenario: No Content-Type written by hand: a workflow node with a JSON body sends application/json itself
    Given a dedicated Crazyrouter token for Coze
    And the Content-Type header is left out
    When the workflow HTTP node sends "Reply only OK" to gpt-5.4
    Then Crazyrouter answers with a chat reply

  @checklist-5
  Scenario: A workflow node whose body type is raw text sends text/plain
    Given a dedicated Crazyrouter token for Coze
    And the Content-Type header is left out
    And the workflow node's body type is raw text
    When the workflow HTTP node sends "Reply only OK" to gpt-5.4
    Then Crazyrouter cannot read the model name
