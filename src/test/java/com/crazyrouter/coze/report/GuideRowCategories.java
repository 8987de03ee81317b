package com.crazyrouter.coze.report;

import com.crazyrouter.coze.guide.GuideLine;
import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import java.util.List;
import java.util.Optional;

/**
 * Files a red scenario whose failure quotes no guide row (a 200 that is not a chat reply, say) under its own guide
 * line on the Categories page, as the summary does, instead of under "Other failures": the line's advice goes under
 * the message. Allure sets the message from the failure when the scenario ends, so this happens just before the
 * result is written (an Allure lifecycle listener, registered in META-INF/services).
 */
public class GuideRowCategories implements TestLifecycleListener {
    @Override
    public void beforeTestWrite(TestResult result) {
        if (result.getStatus() != Status.FAILED && result.getStatus() != Status.BROKEN) {
            return;
        }
        List<String> tags = result.getLabels().stream().filter(l -> "tag".equals(l.getName())).map(Label::getValue).map(t -> "@" + t).toList();
        StatusDetails details = Optional.ofNullable(result.getStatusDetails()).orElseGet(StatusDetails::new);
        result.setStatusDetails(details.setMessage(quotingLine(details.getMessage(), GuideLine.of(tags))));
    }

    static String quotingLine(String message, Optional<GuideLine> line) {
        String text = message == null ? "" : message;
        if (line.isEmpty() || AllureCategories.rows().stream().anyMatch(row -> text.contains(row.citation()))) {
            return message;
        }
        return (text.isBlank() ? "" : text.stripTrailing() + "\n") + line.get().advice();
    }
}
