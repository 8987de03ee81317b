Feature: Checklist 2 - Chosen the HTTP / API plugin route or workflow HTTP request route first
  You reach Crazyrouter from Coze through an HTTP / API plugin or through a workflow's HTTP request node: the two
  public routes. Both reach the same endpoint with the same request; neither needs an enterprise plan.

  @checklist-2
  Scenario Outline: The <route> route reaches Crazyrouter
    Given a dedicated Crazyrouter token for Coze
    When the <route> sends "Reply only OK" to gpt-5.4
    Then Crazyrouter answers with a chat reply

    Examples:
      | route              |
      | API plugin         |
      | workflow HTTP node |
