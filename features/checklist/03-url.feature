Feature: Checklist 3 - Set the request URL to https://crazyrouter.com/v1/chat/completions
  Only the full URL gives a chat reply. Shorter or misspelled URLs give a 404 or Crazyrouter's web page,
  and a web page comes back with status 200: a 200 alone does not mean the plugin works.

  @checklist-3
  Scenario: The full URL gives a chat reply
    Given a dedicated Crazyrouter token for Coze
    And the URL is set to "https://crazyrouter.com/v1/chat/completions"
    When the API plugin sends "Reply only OK" to gpt-5.4
    Then Crazyrouter answers with a chat reply

  @checklist-3 @stub-only
  Scenario: The request arrives at exactly /v1/chat/completions
    # Stub only: it reads the stub gateway's own request log. In production, Crazyrouter's logs show it (checklist 9).
    Given a dedicated Crazyrouter token for Coze
    When the workflow HTTP node sends "Reply only OK" to gpt-5.4
    Then Crazyrouter answers with a chat reply
    And Crazyrouter's request log holds exactly that request, with the URL, headers and body Coze set

  @checklist-3
  Scenario Outline: Any other URL gives no chat reply: <url>
    Given a dedicated Crazyrouter token for Coze
    And the URL is set to "<url>"
    When the API plugin sends "Reply only OK" to gpt-5.4
    Then Coze gets a web page or a 404, not a chat reply

    Examples:
      | url                                            |
      | https://crazyrouter.com                        |
      | https://crazyrouter.com/chat/completions       |
      | https://crazyrouter.com/v1                     |
      | https://crazyrouter.com/v1/chat                |
      | https://crazyrouter.com/v1/chat/completion     |
      | https://crazyrouter.com/v1/completions/chat    |
