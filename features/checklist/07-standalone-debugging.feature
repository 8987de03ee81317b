Feature: Checklist 7 - Confirmed the plugin or HTTP node works in standalone debugging
  In Coze, you press "Debug" on the plugin or run the HTTP node alone with the fixed string "Reply only OK".
  This is the same request, sent the way each route sends it. The reply must be OK and nothing more: any case,
  spaces around it, one closing full stop or exclamation mark, quotes or bold around it; "look", "token" or
  "OK, here is …" are other answers.
  Sources:
  docs/GATEWAY.md, "Replies to the minimal test"

  @checklist-7
  Scenario Outline: The <route> answers the fixed string in standalone debugging
    Given a dedicated Crazyrouter token for Coze
    When the <route> sends "Reply only OK" to gpt-5.4
    Then Crazyrouter answers with a chat reply
    And the reply says OK

    Examples:
      | route              |
      | API plugin         |
      | workflow HTTP node |
