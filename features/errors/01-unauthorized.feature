Feature: Common error 1 - 401 unauthorized
  Your plugin or workflow HTTP node fails with 401 unauthorized.
  Cause: the token is wrong, expired, or copied incompletely.
  Fix: generate a new token and re-enter the Authorization header.

  @error-1
  Scenario Outline: The Coze token is <problem>: 401 unauthorized
    Given a dedicated Crazyrouter token for Coze
    And the Coze token is <problem>
    When the API plugin sends "Reply only OK" to gpt-5.4
    Then Crazyrouter rejects the token (401 unauthorized)

    Examples:
      | problem |
      | wrong   |
      | expired |

  @error-1
  Scenario Outline: A token copied without <missing> gets 401, and the whole token re-entered works
    Given a dedicated Crazyrouter token for Coze
    And the Coze token was copied without <missing>
    When the workflow HTTP node sends "Reply only OK" to gpt-5.4
    Then Crazyrouter rejects the token (401 unauthorized)
    When the Authorization header is filled as "Bearer {token}"
    And the workflow HTTP node sends "Reply only OK" to gpt-5.4
    Then Crazyrouter answers with a chat reply

    Examples: most often the selection leaves the last character or two behind
      | missing               |
      | its last character    |
      | its last 2 characters |
      | its second half       |
