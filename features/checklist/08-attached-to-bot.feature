Feature: Checklist 8 - Confirmed it still works after attaching to the bot or workflow
  Once you attach the plugin or node to a bot or workflow, it no longer sends a fixed string: it puts what the user
  typed into {{input}}. The API plugin's parameter mapping hands it to Coze's encoder, which JSON-encodes it. A
  workflow HTTP node fills {{input}} into its body template as raw text and parses the JSON body before sending it:
  a quote, or a backslash that starts no JSON escape, fails the node inside Coze and nothing is sent; a raw line
  break or tab passes that parse (Coze's JSON library does not check strings by default: inferred from its
  documentation, not run) and reaches Crazyrouter, which answers 400 "invalid JSON request body" — and a status of
  400 fails the node. The fix is to escape the input first (for example in a code node) or to use the plugin's
  parameter mapping.
  Sources:
  coze-studio: plugin internal/encoder (the plugin's parameter mapping)
  coze-studio: nodes/template.go (the node's body template)
  coze-studio: httprequester (the node parses the JSON body before sending it)

  @checklist-8
  Scenario Outline: The API plugin passes <input> correctly
    Given a dedicated Crazyrouter token for Coze
    When a bot user types <input> and the API plugin's parameter mapping places it into the body for gpt-5.4
    Then Crazyrouter answers with a chat reply

    Examples:
      | input                          |
      | plain text                     |
      | text with double quotes        |
      | text with a line break         |
      | text with a tab                |
      | a Windows path with backslashes |
      | Chinese text                   |
      | emoji                          |
      | 3 KB of text                   |

  @checklist-8
  Scenario Outline: A workflow HTTP node that pastes <input> as plain text: <what happens>
    Given a dedicated Crazyrouter token for Coze
    When a bot user types <input> and the workflow HTTP node's plain-text body places it into the body for gpt-5.4
    Then <what happens>

    Examples:
      | input                           | what happens                                       |
      | plain text                      | Crazyrouter answers with a chat reply              |
      | Chinese text                    | Crazyrouter answers with a chat reply              |
      | emoji                           | Crazyrouter answers with a chat reply              |
      | 3 KB of text                    | Crazyrouter answers with a chat reply              |
      | text with double quotes         | Coze fails the node before sending, and nothing reaches Crazyrouter |
      | text with a line break          | Crazyrouter rejects the body as invalid JSON (400)                   |
      | text with a tab                 | Crazyrouter rejects the body as invalid JSON (400)                   |
      | a Windows path with backslashes | Coze fails the node before sending, and nothing reaches Crazyrouter |

  @checklist-8
  Scenario Outline: A workflow HTTP node that escapes <input> first works
    Given a dedicated Crazyrouter token for Coze
    When a bot user types <input> and the workflow HTTP node, after a code node JSON-escapes it, places it into the body for gpt-5.4
    Then Crazyrouter answers with a chat reply

    Examples:
      | input                           |
      | text with double quotes         |
      | text with a line break          |
      | text with a tab                 |
      | a Windows path with backslashes |
