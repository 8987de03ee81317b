Feature: Common error 5 - Plugin can be created but fails inside the bot
  Cause: input / output mapping is inconsistent.
  Fix: fall back to a fixed-string test first.
  Input side: a body pasted as text with {{input}} breaks on what users type. Output side: the reply text is
  at choices[0].message.content, and an output mapped anywhere else finds nothing.

  @error-5
  Scenario: User input breaks a pasted body; the fixed-string test still works
    Given a dedicated Crazyrouter token for Coze
    When a bot user types text with double quotes and a plugin whose request body is pasted as text places it into the body for gpt-5.4
    Then Crazyrouter rejects the body as invalid JSON (400)
    When the API plugin sends "Reply only OK" to gpt-5.4
    Then Crazyrouter answers with a chat reply

  @error-5
  Scenario Outline: An output mapped to <output> finds nothing; the reply is at choices[0].message.content
    Given a dedicated Crazyrouter token for Coze
    When the API plugin sends "Reply only OK" to gpt-5.4
    Then Crazyrouter answers with a chat reply
    And an output mapped to "<output>" finds no reply text
    But the reply text is available at choices[0].message.content

    Examples:
      | output                  |
      | output                  |
      | data.content            |
      | choices[0].text         |
      | message.content         |
