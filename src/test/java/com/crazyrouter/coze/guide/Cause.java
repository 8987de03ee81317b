package com.crazyrouter.coze.guide;

/**
 * What a red was diagnosed as: a line of the guide whose fix applies, or a cause the guide has no row for
 * ({@link OffGuide}: a page from the site's front, a reply that is not one JSON object). Its marker is the one line a
 * failure message ends with, and the only text the Allure report's categories match (report/AllureCategories).
 */
public sealed interface Cause permits GuideLine, OffGuide {

    /** A stable key: a guide line's tag (@error-1), or an off-guide cause's own (site-front). */
    String key();

    /** How the report names it: "Common Errors 1: 401 unauthorized", "A page from the site's front, not Crazyrouter's API". */
    String title();

    /** "Diagnosed as: Common Errors 1: 401 unauthorized [@error-1]": written by the failure, matched by the report's categories. */
    default String marker() {
        return "Diagnosed as: " + title() + " [" + key() + "]";
    }
}
