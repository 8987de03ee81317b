Feature: Token Best Practices - Model allowlist
  In Crazyrouter's token page you choose which models the Coze token may use. The guide: "Model allowlist: strongly
  recommended. Start with only one or two models."
  Spending limit, environment isolation and leak handling are settings a person checks in Crazyrouter's
  token page; the live profile checks what the API shows of them.

  @token
  Scenario: The Coze token starts with only one or two models
    Given a dedicated Crazyrouter token for Coze
    When Coze lists the models the token may use
    Then the token allows no more than 2 models
