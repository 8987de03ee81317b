Feature: Checklist 3 - Set the request URL to https://crazyrouter.com/v1/chat/completions
  You type the URL into Coze: a workflow HTTP node's URL, or a plugin's server URL and tool path. Only the full URL
  gives a chat reply. A shorter or misspelled URL gives a 404 or Crazyrouter's web page, and a web page comes back
  with status 200: a 200 alone does not mean the plugin works.
  A plugin's URL is its server URL and its tool path joined as strings, nothing cleaned up, so where the slash falls
  matters. What the gateway does with the joins: a trailing slash gets a 307 redirect to the path without it, which
  the plugin follows with the same request; a doubled slash under /v1 gets the 404 "Invalid URL"; a path that starts
  with // falls outside /v1 and gets the web page.
  In a run against a stub or a staging gateway the URL's scheme and host are the run's target and the path stays
  exactly as typed; the report shows the URL sent.
  Sources:
  coze-studio: invocation_http.go, rawURL := ServerURL + SubURL (the plugin's URL joined as strings)
  new-api on gin v1.9.1, read in code: docs/GATEWAY.md, "Paths Coze can produce" (what the gateway does with the joins)

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

  @checklist-3
  Scenario Outline: The plugin's server URL <server URL> with the tool path <tool path>
    Given a dedicated Crazyrouter token for Coze
    And the plugin's server URL is "<server URL>" and its tool path is "<tool path>"
    When the API plugin sends "Reply only OK" to gpt-5.4
    Then <what happens>

    Examples: the guide's URL, split two ways
      | server URL                 | tool path            | what happens                          |
      | https://crazyrouter.com    | /v1/chat/completions | Crazyrouter answers with a chat reply |
      | https://crazyrouter.com/v1 | /chat/completions    | Crazyrouter answers with a chat reply |

    Examples: joins that change the path
      | server URL                                  | tool path            | what happens                                    |
      | https://crazyrouter.com/v1/chat/completions | /                    | Crazyrouter answers with a chat reply           |
      | https://crazyrouter.com/v1/                 | /chat/completions    | Crazyrouter rejects the URL (404)               |
      | https://crazyrouter.com/                    | /v1/chat/completions | Coze gets a web page or a 404, not a chat reply |

  @checklist-3 @live-only
  Scenario Outline: The plugin's server URL <server URL>: what crazyrouter.com's front end does (a guess until a live run shows it)
    # Live only: new-api's code does not say what crazyrouter.com's front end does with http:// or a www. host.
    # The guess is that both reach the gateway; a live run against crazyrouter.com shows what really happens.
    Given a dedicated Crazyrouter token for Coze
    And the plugin's server URL is "<server URL>" and its tool path is "/v1/chat/completions"
    When the API plugin sends "Reply only OK" to gpt-5.4
    Then Crazyrouter answers with a chat reply

    Examples:
      | server URL                  |
      | http://crazyrouter.com      |
      | https://www.crazyrouter.com |
