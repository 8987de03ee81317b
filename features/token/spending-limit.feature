Feature: Token Best Practices - Spending limit and expiry
  In Crazyrouter's token page you give the Coze token a spending limit. The guide: "Spending limit: strongly
  recommended — workflow loops and retries can multiply usage."
  Crazyrouter shows a token's limit and expiry to whoever holds the token, but only while the operator shows token
  statistics (on by default). Otherwise the same fields hold the account's balance, and the expiry always reads
  "never".
  The harness tells the two apart with the token's own figures where they disagree — a token without a limit shown
  a finite one, or a token that expires shown as never expiring — and then does not pass the check: "not checked:
  this gateway shows the account's balance, not the token's limit".
  The limit of this check: where the gateway does not give the token its own figures (the stub gateway does not),
  it cannot tell, and a pass only means that a finite limit is shown, which may be the account's balance. The report
  says "Cannot tell whether these figures are the token's or the account's balance" then; a person confirms the
  limit in the token settings.
  Sources:
  new-api: GET /v1/dashboard/billing/subscription (the token's limit and expiry)
  new-api: DisplayTokenStatEnabled (the operator shows token statistics; on by default)
  new-api: GET /api/usage/token/ (the token's own figures)

  @token
  Scenario: The Coze token has a spending limit
    Given a dedicated Crazyrouter token for Coze
    When Coze's owner looks up the token's spending limit and expiry
    Then the token has a spending limit
    And Crazyrouter shows when the token expires, or that it never does
