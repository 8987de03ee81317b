Feature: The guide's recommended models, for the harness's own tests
  A copy of the rows of features/models/recommended-models.feature as the guide recommends them (gpt-5.4,
  claude-sonnet-4-6, gemini-3-pro-preview). The harness's unit tests read this one, so a mistake in the table people
  edit stops the run with one message naming its line instead of failing the harness's tests.

  @models
  Scenario Outline: <model> through the <route>
    Given a dedicated Crazyrouter token for Coze

    Examples: models under test
      | model                | route              | allowed for the Coze token | JSON mode |
      | gpt-5.4              | API plugin         | yes                        | yes       |
      | gpt-5.4              | workflow HTTP node | yes                        | yes       |
      | claude-sonnet-4-6    | API plugin         | yes                        | no        |
      | claude-sonnet-4-6    | workflow HTTP node | yes                        | no        |
      | gemini-3-pro-preview | API plugin         | no                         | yes       |
      | gemini-3-pro-preview | workflow HTTP node | no                         | yes       |
