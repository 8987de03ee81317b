package com.crazyrouter.coze.guide;

/** The guide's "Common Errors And Fixes" table, row by row, in the guide's words and order. */
public enum CommonError implements GuideLine {
    UNAUTHORIZED(1, "401 unauthorized", "Token is wrong, expired, or copied incompletely",
            "Generate a new token and re-enter the Authorization header"), NOT_FOUND_URL(2, "404", "URL is wrong or missing /v1/chat/completions",
                    "Change it to the full URL"), MODEL_NOT_ALLOWED(3, "403 / model not allowed", "The token does not allow that model",
                            "Allow the model in Crazyrouter token settings"), MODEL_NOT_FOUND(4, "model not found", "Model name is wrong",
                                    "Switch back to gpt-5.4 and revalidate"), MAPPING_INCONSISTENT(5, "Plugin can be created but fails inside the bot",
                                            "Input / output mapping is inconsistent",
                                            "Fall back to a fixed-string test first"), INTERMITTENT(6, "Workflow node fails intermittently",
                                                    "Input is too large, retries are too aggressive, or concurrency is too high",
                                                    "Shrink the input and return to a minimal test"), NO_CUSTOM_MODEL_ENTRY(7,
                                                            "You cannot find a \"model management\" custom-upstream entry from another tutorial",
                                                            "Your version or plan is different",
                                                            "Go back to the HTTP / API plugin route instead of relying on enterprise-only capabilities");

    private final int number;
    private final String symptom;
    private final String cause;
    private final String fix;

    CommonError(int number, String symptom, String cause, String fix) {
        this.number = number;
        this.symptom = symptom;
        this.cause = cause;
        this.fix = fix;
    }

    public String symptom() {
        return symptom;
    }

    public String cause() {
        return cause;
    }

    public String fix() {
        return fix;
    }

    @Override
    public String tag() {
        return "@error-" + number;
    }

    @Override
    public String title() {
        return "Common Errors " + number + ": " + symptom;
    }

    @Override
    public String explanation() {
        return GuideLine.super.explanation() + " Cause: " + cause + ". Fix: " + fix + ".";
    }

    /** The row quoted in a failure message: symptom, cause and fix. */
    @Override
    public String advice() {
        return citation() + ": cause: " + cause + ". Fix: " + fix + ".";
    }

    @Override
    public String citation() {
        return "Guide, Common Errors " + tag() + " \"" + symptom + "\"";
    }
}
