Feature: Checklist 1 - Created a dedicated Crazyrouter token for Coze
  You create a Crazyrouter token that Coze uses and nothing else, as the guide asks, allowed only the first-pass
  models (gpt-5.4 and claude-sonnet-4-6). What Crazyrouter can show of it is the token's model allowlist: the models
  it lists for this token. By hand, a person checks in Crazyrouter's token page that the token is named for Coze and
  is not pasted into desktop apps or IDE tools.

  @checklist-1
  Scenario: The Coze token lists exactly the models it is meant to allow
    Given a dedicated Crazyrouter token for Coze
    When Coze lists the models the token may use
    Then the list holds exactly the models the token is expected to allow

  @checklist-1
  Scenario: The Coze token works for the chat endpoint
    Given a dedicated Crazyrouter token for Coze
    When the API plugin sends "Reply only OK" to gpt-5.4
    Then Crazyrouter answers with a chat reply
