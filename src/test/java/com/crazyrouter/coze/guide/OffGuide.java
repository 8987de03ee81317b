package com.crazyrouter.coze.guide;

/**
 * Causes the guide has no row for, which a gateway's answer shows by its form alone (transport/AnswerForm, decided from
 * the status, the headers and the body's bytes): no guide row's fix applies to them, so a red names the cause and what
 * to do instead (docs/GATEWAY.md §11, docs/COZE.md §4.8).
 */
public enum OffGuide implements Cause {
    SITE_FRONT("site-front", "A page from the site's front, not Crazyrouter's API"), NOT_ONE_JSON_OBJECT("not-one-json-object",
            "A reply that is not one JSON object"), ERROR_AS_SUCCESS("error-as-success", "An error answered with HTTP 200 as if it were a success"), HTML_PAGE(
                    "html-page", "An HTML page where Crazyrouter's API answers JSON"), UNDECODABLE_GZIP("undecodable-gzip",
                            "A reply that says it is gzip but does not decode");

    private final String key;
    private final String title;

    OffGuide(String key, String title) {
        this.key = key;
        this.title = title;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String title() {
        return title;
    }
}
