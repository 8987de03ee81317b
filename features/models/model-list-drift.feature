Feature: Model-list drift
  Your plugin or node names the model it asks for, and Crazyrouter adds, renames and drops models over time.
  Platform engineers rerun this whenever it does. Crazyrouter's model list is compared with the committed baseline
  (features/models/model-list-baseline.stub.json for the stub run, model-list-baseline.live.json for production;
  until that is accepted, the stub one stands in): the report shows the models added, removed and still listed —
  for the record only, since models come and go — and the run fails when a model under test has gone.
  -Dmodels.acceptBaseline=true accepts the current list as the new baseline.

  @models @drift
  Scenario: No model under test has left Crazyrouter's model list
    Given the token that sees the most models
    When Coze fetches Crazyrouter's model list
    Then the report shows the models added to and removed from the committed baseline (report only: a change alone is not a failure)
    And every model under test is still listed
