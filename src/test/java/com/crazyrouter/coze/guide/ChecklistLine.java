package com.crazyrouter.coze.guide;

/** The guide's Validation Checklist, line by line, in the guide's words and order. */
public enum ChecklistLine implements GuideLine {
    DEDICATED_TOKEN(1, "Created a dedicated Crazyrouter token for Coze"), ROUTE_CHOSEN(2,
            "Chosen the HTTP / API plugin route or workflow HTTP request route first"), FULL_URL(3,
                    "Set the request URL to https://crazyrouter.com/v1/chat/completions"), BEARER_HEADER(4,
                            "Filled the Authorization header as Bearer sk-xxx"), JSON_CONTENT_TYPE(5, "Set Content-Type to application/json"), SMALLEST_BODY(6,
                                    "Validated the smallest request body with gpt-5.4"), STANDALONE_DEBUGGING(7,
                                            "Confirmed the plugin or HTTP node works in standalone debugging"), ATTACHED_TO_BOT(8,
                                                    "Confirmed it still works after attaching to the bot or workflow"), IN_CRAZYROUTER_LOGS(9,
                                                            "Confirmed the request appears in Crazyrouter logs");

    private final int number;
    private final String words;

    ChecklistLine(int number, String words) {
        this.number = number;
        this.words = words;
    }

    public String words() {
        return words;
    }

    @Override
    public String tag() {
        return "@checklist-" + number;
    }

    @Override
    public String advice() {
        return citation() + ": do what the line says.";
    }

    @Override
    public String citation() {
        return "Guide, " + title();
    }

    @Override
    public String title() {
        return "Validation Checklist " + number + ": " + words;
    }
}
