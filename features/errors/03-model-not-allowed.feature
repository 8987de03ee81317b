Feature: Common error 3 - 403 / model not allowed
  Your plugin or workflow HTTP node fails with 403: the model is not allowed.
  Cause: the token does not allow that model.
  Fix: allow the model in Crazyrouter token settings.
  The guide's first-pass token allows only gpt-5.4 and claude-sonnet-4-6, so gemini-3-pro-preview is refused.

  @error-3
  Scenario: A model outside the token's allowlist gets 403
    Given a dedicated Crazyrouter token for Coze
    And the Coze token's allowlist leaves out gemini-3-pro-preview
    When the API plugin sends "Reply only OK" to gemini-3-pro-preview
    Then Crazyrouter refuses the model for this token (403)

  @error-3
  Scenario: Once the model is allowed, the same request works
    # Needs a second token that allows the model (CRAZYROUTER_UNRESTRICTED_API_KEY in a live run).
    Given a Crazyrouter token that allows every model
    When the API plugin sends "Reply only OK" to gemini-3-pro-preview
    Then Crazyrouter answers with a chat reply
