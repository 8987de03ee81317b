package com.crazyrouter.coze.guide;

/** Groups of scenarios that are not one guide line of their own. */
public enum OtherCheck implements GuideLine {
    SMOKE("@smoke", "Smoke: the smallest request body with gpt-5.4"), MODELS("@models", "Recommended models");

    /** Where the report files a scenario that names no guide line. */
    public static final String NO_LINE = "Other checks";

    private final String tag;
    private final String title;

    OtherCheck(String tag, String title) {
        this.tag = tag;
        this.title = title;
    }

    @Override
    public String tag() {
        return tag;
    }

    @Override
    public String advice() {
        return citation() + ".";
    }

    /** Not a line of the guide: no "Guide, " in front; the report files its red scenarios under its title. */
    @Override
    public String citation() {
        return title();
    }

    @Override
    public String title() {
        return title;
    }
}
