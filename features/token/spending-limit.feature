Feature: Token Best Practices - Spending limit and expiry
  The guide: "Spending limit: strongly recommended — workflow loops and retries can multiply usage."
  Crazyrouter shows a token's limit and expiry to whoever holds the token.

  @token
  Scenario: The Coze token has a spending limit
    Given a dedicated Crazyrouter token for Coze
    When Coze's owner looks up the token's spending limit and expiry
    Then the token has a spending limit
    And Crazyrouter shows when the token expires, or that it never does
