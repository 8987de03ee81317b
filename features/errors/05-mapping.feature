Feature: Common error 5 - Plugin can be created but fails inside the bot
  You can create the plugin, but it fails once it is inside the bot.
  Cause: input / output mapping is inconsistent.
  Fix: fall back to a fixed-string test first.
  Input side: a workflow HTTP node fills {{input}} into its JSON body as raw text, and Coze parses that body
  before sending it. So a quote in what a user types fails the node inside Coze and nothing reaches Crazyrouter.
  Output side: the plugin tool hands on the reply's JSON object, so the text is at choices[0].message.content and
  an output mapped anywhere else finds nothing; the workflow node hands on the reply as a string in its "body"
  output, so a mapping into it finds nothing until a code node parses it. That is judged on the reply actually
  received: the body must hold the reply text at choices[0].message.content for the mapping to be what misses it;
  a body without a reply fails the check.
  Sources:
  coze-studio: nodes/template.go renders a string as it is; httprequester parses the JSON body first
  coze-studio: httprequester outputs body, statusCode, headers

  @error-5
  Scenario: User input with a quote fails the workflow node inside Coze; the fixed-string test still works
    Given a dedicated Crazyrouter token for Coze
    When a bot user types text with double quotes and the workflow HTTP node's plain-text body places it into the body for gpt-5.4
    Then Coze fails the node before sending, and nothing reaches Crazyrouter
    When the workflow HTTP node sends "Reply only OK" to gpt-5.4
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

  @error-5
  Scenario: The workflow node's body is a string: a mapping into it finds nothing until a code node parses it
    Given a dedicated Crazyrouter token for Coze
    When the workflow HTTP node sends "Reply only OK" to gpt-5.4
    Then Crazyrouter answers with a chat reply
    And a downstream node that reads the node's body.choices[0].message.content finds nothing, though the body holds the reply
    But after a code node parses the node's body, choices[0].message.content holds the reply
