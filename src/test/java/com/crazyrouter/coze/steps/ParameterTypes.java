package com.crazyrouter.coze.steps;

import com.crazyrouter.coze.config.ConfigurationException;
import com.crazyrouter.coze.config.ModelTable;
import com.crazyrouter.coze.contract.Outcome;
import com.crazyrouter.coze.guide.Route;
import com.crazyrouter.coze.route.InputPlacement;
import com.crazyrouter.coze.route.UserInput;
import io.cucumber.java.ParameterType;
import java.util.Locale;

/** The domain words scenarios use, turned into types. */
public class ParameterTypes {

    @ParameterType("API plugin|workflow HTTP node")
    public Route route(String words) {
        return Route.fromWords(words).orElseThrow();
    }

    @ParameterType(ModelTable.MODEL_ID)
    public String model(String id) {
        return id;
    }

    @ParameterType("yes|no")
    public boolean yesNo(String word) {
        return ModelTable.yesNo(word).orElseThrow(() -> new ConfigurationException("'" + word + "' must be yes or no"));
    }

    @ParameterType("wrong|expired")
    public TokenSteps.TokenProblem tokenProblem(String word) {
        return TokenSteps.TokenProblem.valueOf(word.toUpperCase(Locale.ROOT));
    }

    @ParameterType("plain text|text with double quotes|text with a line break|text with a tab|a Windows path with backslashes"
            + "|Chinese text|emoji|3 KB of text|an input longer than the model's context \\(over 1 MB\\)")
    public UserInput input(String words) {
        return UserInput.fromWords(words);
    }

    @ParameterType("the API plugin's parameter mapping|the workflow HTTP node's plain-text body|the workflow HTTP node, after a code node JSON-escapes it,")
    public InputPlacement placement(String words) {
        return InputPlacement.fromWords(words);
    }

    @ParameterType("Crazyrouter answers with a chat reply|Coze gets a web page or a 404, not a chat reply"
            + "|Crazyrouter rejects the token \\(401 unauthorized\\)|Crazyrouter rejects the URL \\(404\\)"
            + "|Crazyrouter refuses a key with a channel id after it \\(403\\)"
            + "|Crazyrouter refuses the model for this token \\(403\\)|Crazyrouter reports the model as not found"
            + "|Crazyrouter refuses the misspelled model|Crazyrouter rejects the body as invalid JSON \\(400\\)"
            + "|Crazyrouter cannot read the model name|Crazyrouter passes on the model's answer that the input is too long \\(400\\)"
            + "|the model answers if the token allows it, otherwise Crazyrouter refuses the model for this token \\(403\\)"
            + "|Coze refuses to send the header|Coze fails the node before sending, and nothing reaches Crazyrouter")
    public Outcome outcome(String phrase) {
        return Outcome.fromPhrase(phrase);
    }
}
