Feature: Checklist 4 - Filled the Authorization header as Bearer sk-xxx
  The header must read "Bearer " followed by the token. People mistype it; this shows which mistakes
  Crazyrouter forgives and which it rejects, so a support person can tell a 401 from a typo at a glance.
  In the table, {token} stands for the dedicated token and \n for a line break carried over from copy-paste.

  @checklist-4
  Scenario Outline: The Authorization header filled as <typed>
    Given a dedicated Crazyrouter token for Coze
    And the Authorization header is filled as '<typed>'
    When the API plugin sends "Reply only OK" to gpt-5.4
    Then <what happens>

    Examples: what the guide says
      | typed          | what happens                          |
      | Bearer {token} | Crazyrouter answers with a chat reply |

    Examples: mistakes Crazyrouter forgives
      | typed                      | what happens                          |
      | {token}                    | Crazyrouter answers with a chat reply |
      | Bearer {token without sk-} | Crazyrouter answers with a chat reply |

    Examples: mistakes Crazyrouter rejects
      | typed                        | what happens                                     |
      | bearer {token}               | Crazyrouter rejects the token (401 unauthorized) |
      | Bearer  {token}              | Crazyrouter rejects the token (401 unauthorized) |
      | "Bearer {token}"             | Crazyrouter rejects the token (401 unauthorized) |
      | Bearer {first half of token} | Crazyrouter rejects the token (401 unauthorized) |
      | Bearer sk-xxx                | Crazyrouter rejects the token (401 unauthorized) |

    Examples: mistakes Coze itself will not send
      | typed            | what happens                    |
      | Bearer {token}\n | Coze refuses to send the header |

  @checklist-4
  Scenario: No Authorization header at all
    Given a dedicated Crazyrouter token for Coze
    And the Authorization header is left out
    When the API plugin sends "Reply only OK" to gpt-5.4
    Then Crazyrouter rejects the token (401 unauthorized)
