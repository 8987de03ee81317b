package com.crazyrouter.coze.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.crazyrouter.coze.guide.ChecklistLine;
import com.crazyrouter.coze.guide.CommonError;
import com.crazyrouter.coze.guide.OtherCheck;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GuideRowCategoriesTest {
    @Test
    void aFailureThatQuotesNoRowGetsItsScenariosLine() {
        TestResult result = red("Expected: Crazyrouter answers with a chat reply — choices is empty", "checklist-2");
        new GuideRowCategories().beforeTestWrite(result);
        assertThat(result.getStatusDetails().getMessage(),
                equalTo("Expected: Crazyrouter answers with a chat reply — choices is empty\n" + ChecklistLine.values()[1].advice()));
    }

    @Test
    void aFailureThatQuotesARowKeepsItsMessage() {
        String message = "Crazyrouter answered 401\n" + CommonError.UNAUTHORIZED.advice();
        TestResult result = red(message, "checklist-4");
        new GuideRowCategories().beforeTestWrite(result);
        assertThat(result.getStatusDetails().getMessage(), equalTo(message));
    }

    @Test
    void theModelMatrixIsFiledUnderRecommendedModels() {
        assertThat(GuideRowCategories.quotingLine("the reply is from model 'x'", Optional.of(OtherCheck.MODELS)),
                equalTo("the reply is from model 'x'\nRecommended models."));
    }

    @Test
    void aPassedScenarioIsLeftAlone() {
        TestResult result = red("note", "checklist-2").setStatus(Status.PASSED);
        new GuideRowCategories().beforeTestWrite(result);
        assertThat(result.getStatusDetails().getMessage(), equalTo("note"));
    }

    private static TestResult red(String message, String tag) {
        return new TestResult().setStatus(Status.FAILED).setStatusDetails(new StatusDetails().setMessage(message))
                .setLabels(List.of(new Label().setName("tag").setValue(tag)));
    }
}
