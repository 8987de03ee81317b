Feature: Common error 4 - model not found
  Your plugin or workflow HTTP node asks for a model by a wrong name, and Crazyrouter refuses it.
  Cause: the model name is wrong.
  Fix: switch back to gpt-5.4 and revalidate.
  With the dedicated token you do not see "model not found": Crazyrouter checks a token's allowlist before it looks
  the model up, so a misspelled model is refused as "no access" (403); only a token without an allowlist shows
  "model not found". Where a reply was expected and such a refusal came, the report checks Crazyrouter's model list:
  a model it does not list is this row, with the closest listed name ("did you mean gpt-5.4?"); one it lists is
  Common Errors 3.

  @error-4
  Scenario Outline: A misspelled model name (<model>) is refused, and gpt-5.4 revalidates
    Given a dedicated Crazyrouter token for Coze
    When the API plugin sends "Reply only OK" to <model>
    Then Crazyrouter refuses the misspelled model
    When the API plugin sends "Reply only OK" to gpt-5.4
    Then Crazyrouter answers with a chat reply

    Examples:
      | model      |
      | gpt5.4     |
      | gpt-5.4o   |
      | GPT-5.4    |

  @error-4
  Scenario: Without an allowlist, a misspelled model is reported as not found
    # Needs a token without a model allowlist (CRAZYROUTER_UNRESTRICTED_API_KEY in a live run).
    Given a Crazyrouter token that allows every model
    When the workflow HTTP node sends "Reply only OK" to claude-sonet-4-6
    Then Crazyrouter reports the model as not found
    When the workflow HTTP node sends "Reply only OK" to gpt-5.4
    Then Crazyrouter answers with a chat reply
