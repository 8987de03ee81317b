package com.crazyrouter.coze.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

class EmptySelectionNoticeTest {

    @Test
    void aSelectionThatMatchesNothingIsSaidInPlainWords() {
        assertThat(EmptySelectionNotice.message("@nosuchtag", 0).orElseThrow(), containsString("No scenario matches -Dcucumber.filter.tags='@nosuchtag'"));
    }

    @Test
    void nothingIsSaidWhenScenariosAreSelectedOrNoSelectionIsMade() {
        assertThat(EmptySelectionNotice.message("@smoke", 1).isPresent(), is(false));
        assertThat(EmptySelectionNotice.message("", 0).isPresent(), is(false));
    }
}
