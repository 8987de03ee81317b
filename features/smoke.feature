Feature: The guide's first validation
  The first thing to try once Coze is set up, and the smallest thing that proves Coze can reach Crazyrouter: one
  request, the guide's smallest body, gpt-5.4.

  @smoke @checklist-6
  Scenario: The smallest request body with gpt-5.4 gets a reply
    Given a dedicated Crazyrouter token for Coze
    When the API plugin sends "Reply only OK" to gpt-5.4
    Then Crazyrouter answers with a chat reply
    And the reply text is available at choices[0].message.content
