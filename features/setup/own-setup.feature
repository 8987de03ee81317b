Feature: Your own Coze setup, checked against the guide
  You built your own plugin or workflow HTTP node in Coze: this checks it against the guide. It takes your setup as
  Coze has it: a plugin's OpenAPI document, a Swagger 2.0 file or a Postman collection as imported into Coze (read as
  Coze's Import converts and completes them), a cURL command as pasted into Coze's plugin importer, or a short YAML for
  a workflow HTTP node (examples/ has a good and a broken example of each). A file with several tools is judged on
  the one that calls chat completions (-Dcoze.setup.tool names another). The harness reads
  the file and checks it line by line against the Validation Checklist without sending anything; then the scenarios
  below send through that setup, the way Coze would: the fixed string first, then what bot users type. The token is
  never in the file: it says {{CRAZYROUTER_API_KEY}}, and the run fills in its own dedicated token
  ($CRAZYROUTER_API_KEY, as API docs write it, reads the same). A plugin file that names no auth at all (a cURL
  import and a Postman collection carry none) is sent with the guide's service token, as the builder sets it after
  importing. A plugin document Coze's Import would refuse (a response "200" that is not application/json, two
  servers, …) stops the run with every rule it breaks, in Coze's words, with its line and column; what Import fills
  in itself (a missing info.description, operationId or summary) is a note, not a refusal. What the
  file fixes is what the run sends: a plugin's model default (Coze fills it whenever the caller gives none, always
  when the parameter is hidden from the bot's model), a node body's literal model; a model id that misses the
  guide's by case, a dot, a dash or a letter is Common Errors 4. A plugin hands the next node only the reply fields
  its response "200" declares. Only the first scenario (@setup-check) is the check on paper: it sends nothing.
  Run with -Dcoze.setup=FILE; without -Dcoze.setup these scenarios are left out of the run.
  Sources:
  docs/COZE.md §4.5 (cURL import)
  docs/COZE.md §4.6 and §4.7 (what Coze stores and saves, defaults, hidden parameters, the trimmed output)
  docs/COZE.md §4.9 (Import: a document completed, Swagger 2.0, Postman collections, several tools)
  coze-studio at 4f786d6a9c564adb8cdd56e834f8126f80105e43

  @setup @setup-check
  Scenario: The builder's own setup, line by line against the Validation Checklist
    Given the builder's own Coze setup
    Then every Validation Checklist line that a setup file can show passes

  @setup @checklist-7
  Scenario: The builder's own setup sends the fixed string, and the next node gets the reply
    Given the builder's own Coze setup
    When the builder's setup sends "Reply only OK"
    Then Crazyrouter answers with a chat reply
    And the next node gets the reply text

  @setup @checklist-8
  Scenario Outline: The builder's own setup, attached to a bot, with <input>
    Given the builder's own Coze setup
    When a bot user types <input> into the builder's setup
    Then Crazyrouter answers with a chat reply
    And the next node gets the reply text

    Examples:
      | input                           |
      | plain text                      |
      | text with double quotes         |
      | text with a line break          |
      | a Windows path with backslashes |
      | Chinese text                    |
