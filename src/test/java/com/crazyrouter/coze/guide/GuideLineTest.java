package com.crazyrouter.coze.guide;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** From a scenario's tags to the guide line it encodes. */
class GuideLineTest {

    @Test
    void aChecklistOrErrorTagNamesItsLineInTheGuidesWords() {
        assertThat(GuideLine.of(List.of("@checklist-3")).map(GuideLine::title),
                equalTo(Optional.of("Validation Checklist 3: Set the request URL to https://crazyrouter.com/v1/chat/completions")));
        assertThat(GuideLine.of(List.of("@error-1")).map(GuideLine::title), equalTo(Optional.of("Common Errors 1: 401 unauthorized")));
    }

    @Test
    void aGuideLineWinsOverTheGroupsAndTheFirstTagWins() {
        assertThat(GuideLine.of(List.of("@smoke", "@checklist-6")), equalTo(Optional.of(ChecklistLine.SMALLEST_BODY)));
        assertThat(GuideLine.of(List.of("@error-6", "@checklist-9")), equalTo(Optional.of(CommonError.INTERMITTENT)));
        assertThat(GuideLine.of(List.of("@models", "@drift")), equalTo(Optional.of(OtherCheck.MODELS)));
        assertThat(GuideLine.of(List.of("@token")).map(GuideLine::title), equalTo(Optional.of("Token Best Practices")));
        assertThat(GuideLine.of(List.of("@stub-only")), equalTo(Optional.empty()));
    }

    @Test
    void anErrorRowExplainsItsCauseAndFix() {
        assertThat(CommonError.MODEL_NOT_FOUND.explanation(),
                equalTo("Guide: Common Errors 4: model not found. Cause: Model name is wrong. Fix: Switch back to gpt-5.4 and revalidate."));
        assertThat(GuideLine.errorRowOf(List.of("@checklist-4")), equalTo(Optional.empty()));
        assertThat(GuideLine.errorRowOf(List.of("@error-2")), equalTo(Optional.of(CommonError.NOT_FOUND_URL)));
    }

    @Test
    void theGuideHasNineChecklistLinesAndSevenErrorRowsEachWithItsOwnTag() {
        Set<String> tags = Stream.concat(Arrays.stream(ChecklistLine.values()), Arrays.stream(CommonError.values()))
                .map(GuideLine::tag).collect(Collectors.toSet());
        assertThat(tags.size(), equalTo(16));
        assertThat(ChecklistLine.IN_CRAZYROUTER_LOGS.tag(), equalTo("@checklist-9"));
        assertThat(CommonError.NO_CUSTOM_MODEL_ENTRY.tag(), equalTo("@error-7"));
    }
}
