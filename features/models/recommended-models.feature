Feature: Recommended models and what each can do
  Which model to put in your plugin or node: the guide recommends gpt-5.4 (first connection test),
  claude-sonnet-4-6 (higher-quality output) and gemini-3-pro-preview (Gemini fallback path). The table below is the
  list of models under test: edit it to add, rename or drop a model — one row per model and Coze route. No Java
  changes.
    model: the Crazyrouter model id
    route: API plugin or workflow HTTP node
    allowed for the Coze token: yes or no (the guide's first-pass token allows gpt-5.4 and claude-sonnet-4-6)
    JSON mode: yes if the model claims JSON mode (response_format), no if it does not
  Each row first sends "Reply only OK" with the Coze token. Then it probes what the model can do (a plain reply
  that names the model, a system message, max_tokens, usage, streaming, JSON mode) with a token that allows the
  model, and records each as pass, fail or not supported in the model matrix (reports/summary.md). When no token at
  hand allows the model (a live run with the Coze token only, for a model outside its allowlist), nothing is probed:
  the row is skipped and its matrix cells read "not checked", never pass. Set CRAZYROUTER_UNRESTRICTED_API_KEY to
  check it.
  -Dmodels=a,b runs only some rows.

  @models
  Scenario Outline: <model> through the <route>
    Given a dedicated Crazyrouter token for Coze
    When the <route> sends "Reply only OK" to <model>
    Then the model answers if the token allows it, otherwise Crazyrouter refuses the model for this token (403)
    When Coze probes what <model> can do through the <route>, expecting JSON mode: <JSON mode>
    Then every capability <model> claims works

    Examples: models under test
      | model                | route              | allowed for the Coze token | JSON mode |
      | gpt-5.4              | API plugin         | yes                        | yes       |
      | gpt-5.4              | workflow HTTP node | yes                        | yes       |
      | claude-sonnet-4-6    | API plugin         | yes                        | no        |
      | claude-sonnet-4-6    | workflow HTTP node | yes                        | no        |
      | gemini-3-pro-preview | API plugin         | no                         | yes       |
      | gemini-3-pro-preview | workflow HTTP node | no                         | yes       |
