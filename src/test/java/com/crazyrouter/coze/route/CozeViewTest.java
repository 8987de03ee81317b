package com.crazyrouter.coze.route;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

/** What the builder sees after one attempt, as one line of a report (COZE.md §5 gives the texts themselves). */
class CozeViewTest {

    @Test
    void aFailureIsDescribedAsWhatCozeShows() {
        CozeView view = CozeView.failure("Workflow execution failure: x");
        assertThat(view.failed(), is(true));
        assertThat(view.describe(), equalTo("Coze shows the failure: Workflow execution failure: x"));
    }

    @Test
    void anOutputIsDescribedAsWhatCozePassesOn() {
        CozeView view = CozeView.output("the node's outputs");
        assertThat(view.failed(), is(false));
        assertThat(view.describe(), equalTo("Coze passes on: the node's outputs"));
    }

    // the plugin's text carries "\nresp=…" (COZE.md 4.3): a report line shows it escaped
    @Test
    void lineBreaksAreShownEscapedOnOneLine() {
        assertThat(CozeView.failure("status=401 Unauthorized\r\nresp={}").describe(), equalTo("Coze shows the failure: status=401 Unauthorized\\r\\nresp={}"));
    }

    @Test
    void aLongTextIsShortenedTo400Characters() {
        assertThat(CozeView.output("x".repeat(1000)).describe(), equalTo("Coze passes on: " + "x".repeat(400) + "…"));
    }

    @Test
    void aNoteFollowsCozesWordsAndIsNeverCut() {
        assertThat(CozeView.output("x".repeat(1000)).noting("the note").describe(), equalTo("Coze passes on: " + "x".repeat(400) + "… [the note]"));
    }
}
