Feature: Checklist 9 - Confirmed the request appears in Crazyrouter logs
  A person opens Crazyrouter's usage log and finds the request Coze just sent. Against the stub gateway,
  its request log plays that part: exactly the request Coze sent must have arrived, unchanged.
  Then, on every target, the token's own usage log must list the request, where the gateway lets a token read it.

  @checklist-9 @stub-only
  Scenario Outline: The request the <route> sent is in the gateway's log, unchanged
    # Stub only: it reads the stub gateway's request log.
    Given a dedicated Crazyrouter token for Coze
    When the <route> sends "Reply only OK" to gpt-5.4
    Then Crazyrouter answers with a chat reply
    And Crazyrouter's request log holds exactly that request, with the URL, headers and body Coze set

    Examples:
      | route              |
      | API plugin         |
      | workflow HTTP node |

  @checklist-9
  Scenario: The request Coze sent appears in the token's Crazyrouter log
    # Skipped, with the reason, where the gateway offers no token-scoped log to an sk- key:
    # then a person checks the dashboard's usage log by hand.
    Given a dedicated Crazyrouter token for Coze
    When the API plugin sends "Reply only OK" to gpt-5.4
    Then Crazyrouter answers with a chat reply
    And the token's Crazyrouter log shows that gpt-5.4 request
