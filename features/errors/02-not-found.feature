Feature: Common error 2 - 404
  Your plugin or workflow HTTP node fails with 404.
  Cause: the URL is wrong or missing /v1/chat/completions.
  Fix: change it to the full URL.

  @error-2
  Scenario Outline: A URL missing part of /v1/chat/completions gets 404: <url>
    Given a dedicated Crazyrouter token for Coze
    And the URL is set to "<url>"
    When the workflow HTTP node sends "Reply only OK" to gpt-5.4
    Then Crazyrouter rejects the URL (404)

    Examples:
      | url                                          |
      | https://crazyrouter.com/v1                   |
      | https://crazyrouter.com/v1/chat              |
      | https://crazyrouter.com/v1/chat/completion   |

  @error-2
  Scenario: Fixed by changing it to the full URL
    Given a dedicated Crazyrouter token for Coze
    And the URL is set to "https://crazyrouter.com/v1/chat"
    When the workflow HTTP node sends "Reply only OK" to gpt-5.4
    Then Crazyrouter rejects the URL (404)
    When the URL is set to "https://crazyrouter.com/v1/chat/completions"
    And the workflow HTTP node sends "Reply only OK" to gpt-5.4
    Then Crazyrouter answers with a chat reply
