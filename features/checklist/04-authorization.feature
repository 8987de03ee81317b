Feature: Checklist 4 - Filled the Authorization header as Bearer sk-xxx
  You fill Coze's Authorization header with "Bearer " followed by the token. People mistype it; this shows which
  mistakes Crazyrouter forgives and which it rejects, so a support person can tell a 401 from a typo at a glance.
  In the table, {token} stands for the dedicated token and \n for a line break carried over from copy-paste.
  The table types the value into the API plugin's service token, under the key Authorization: Coze adds no
  "Bearer " there, so a token typed without it is sent without it — and Crazyrouter forgives that (it strips an
  optional "Bearer ", then "sk-"). The workflow node's Bearer auth is the other way round: Coze adds "Bearer " itself
  and applies the auth after the hand-written headers, so it overwrites a hand-written Authorization.
  Two spellings depend on Crazyrouter's new-api release: "bearer" in lower case and two spaces after "Bearer". Newer
  releases accept both, older ones answer 401. Neither harms a Coze builder (a 401 sends them to the guide's fix), so
  the run says which one Crazyrouter gave, in the report and the summary, and passes either way. What no release
  accepts stays red when a gateway accepts it: quotes, "Bearer Bearer", a truncated key, the guide's placeholder.
  A key with more after a "-" is read as the id of a channel to use, which only an administrator's token may name:
  every release refuses it with 403 (not 401), and a gateway that answers it has let the Coze token pick channels.
  Sources:
  coze-studio: plugin service-token auth sets the value as typed
  coze-studio: httprequester (the workflow node's Bearer auth)
  new-api middleware/auth.go TokenAuth, older and newer (docs/GATEWAY.md §5)

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
      | "Bearer {token}"             | Crazyrouter rejects the token (401 unauthorized) |
      | Bearer Bearer {token}        | Crazyrouter rejects the token (401 unauthorized) |
      | Bearer {first half of token} | Crazyrouter rejects the token (401 unauthorized) |
      | Bearer sk-xxx                | Crazyrouter rejects the token (401 unauthorized) |

    Examples: a key with more after it: new-api reads what follows the "-" as a channel id, for an administrator's token only
      | typed            | what happens                                              |
      | Bearer {token}-1 | Crazyrouter refuses a key with a channel id after it (403) |

    Examples: mistakes Coze itself will not send
      | typed            | what happens                    |
      | Bearer {token}\n | Coze refuses to send the header |

  @checklist-4
  Scenario Outline: The Authorization header filled as <typed>: new-api releases differ, and either way is fine
    Given a dedicated Crazyrouter token for Coze
    And the Authorization header is filled as '<typed>'
    When the API plugin sends "Reply only OK" to gpt-5.4
    Then Crazyrouter accepts '<typed>' or rejects the token, as its new-api release does, and the report says which

    Examples: spellings new-api releases read differently
      | typed           |
      | bearer {token}  |
      | Bearer  {token} |

  @checklist-4
  Scenario: No Authorization header at all
    Given a dedicated Crazyrouter token for Coze
    And the Authorization header is left out
    When the API plugin sends "Reply only OK" to gpt-5.4
    Then Crazyrouter rejects the token (401 unauthorized)

  @checklist-4
  Scenario: The workflow node's Bearer auth with a token typed as "Bearer sk-…" sends "Bearer Bearer sk-…"
    Given a dedicated Crazyrouter token for Coze
    And the workflow node uses Bearer auth with the token typed as "Bearer {token}"
    When the workflow HTTP node sends "Reply only OK" to gpt-5.4
    Then Crazyrouter rejects the token (401 unauthorized)

  @checklist-4
  Scenario: The workflow node's Bearer auth overwrites a hand-written Authorization header
    Given a dedicated Crazyrouter token for Coze
    And the Authorization header is filled as "Bearer sk-xxx"
    And the workflow node uses Bearer auth with the token typed as "{token}"
    When the workflow HTTP node sends "Reply only OK" to gpt-5.4
    Then Crazyrouter answers with a chat reply
