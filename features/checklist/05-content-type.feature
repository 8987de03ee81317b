Feature: Checklist 5 - Set Content-Type to application/json
  Without a JSON Content-Type Crazyrouter does not read the body, so it cannot see which model is asked for.
  With the dedicated token that shows up as "no access to model" (403), with a token without an allowlist
  as "model name not specified" (400).

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
  Scenario: Content-Type left out
    Given a dedicated Crazyrouter token for Coze
    And the Content-Type header is left out
    When the workflow HTTP node sends "Reply only OK" to gpt-5.4
    Then Crazyrouter cannot read the model name
