Feature: Recommended models
  The guide recommends gpt-5.4 (first connection test), claude-sonnet-4-6 (higher-quality output) and
  gemini-3-pro-preview (Gemini fallback path). The first-pass Coze token allows only the first two, so with
  it gemini-3-pro-preview is expected to be refused; with a token that allows every model, all three answer.
  To add a model, add a row to each table. -Dmodels=a,b runs only some of them; which models the Coze token
  allows is the setting crazyrouter.token.allowedModels.

  @models
  Scenario Outline: <model> through the <route> with the dedicated Coze token
    Given a dedicated Crazyrouter token for Coze
    When the <route> sends "Reply only OK" to <model>
    Then the model answers if the token allows it, otherwise Crazyrouter refuses the model for this token (403)

    Examples:
      | model                | route              |
      | gpt-5.4              | API plugin         |
      | gpt-5.4              | workflow HTTP node |
      | claude-sonnet-4-6    | API plugin         |
      | claude-sonnet-4-6    | workflow HTTP node |
      | gemini-3-pro-preview | API plugin         |
      | gemini-3-pro-preview | workflow HTTP node |

  @models
  Scenario Outline: <model> through the <route> once the token allows it
    # Needs a token without a model allowlist (CRAZYROUTER_UNRESTRICTED_API_KEY in a live run).
    Given a Crazyrouter token that allows every model
    When the <route> sends "Reply only OK" to <model>
    Then Crazyrouter answers with a chat reply
    And the reply text is available at choices[0].message.content

    Examples:
      | model                | route              |
      | gpt-5.4              | API plugin         |
      | gpt-5.4              | workflow HTTP node |
      | claude-sonnet-4-6    | API plugin         |
      | claude-sonnet-4-6    | workflow HTTP node |
      | gemini-3-pro-preview | API plugin         |
      | gemini-3-pro-preview | workflow HTTP node |
