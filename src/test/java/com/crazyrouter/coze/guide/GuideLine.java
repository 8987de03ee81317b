package com.crazyrouter.coze.guide;

import java.util.Collection;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A line of the guide that scenarios encode, found from a scenario's tag: a Validation Checklist line, a Common
 * Errors row, a Token Best Practice, or one of the harness's own groups (smoke, model matrix).
 */
public sealed interface GuideLine extends Cause permits ChecklistLine, CommonError, TokenPractice, OtherCheck {

    /** The tag a scenario carries to say it encodes this line: @checklist-3, @error-1, @token, ... */
    String tag();

    @Override
    default String key() {
        return tag();
    }

    /** How the report names it: "Validation Checklist 3: Set the request URL to …". */
    String title();

    /** For a scenario's description: the line in full words (a Common Errors row adds its cause and fix). */
    default String explanation() {
        return "Guide: " + title() + ".";
    }

    /**
     * The line a scenario encodes, from its tags: the first checklist line or error row it names, in tag order;
     * otherwise the group it belongs to (smoke, model matrix, token best practices).
     */
    static Optional<GuideLine> of(Collection<String> tags) {
        for (String tag : tags) {
            Optional<GuideLine> row = Stream.<GuideLine>concat(Stream.of(ChecklistLine.values()), Stream.of(CommonError.values()))
                    .filter(line -> line.tag().equals(tag)).findFirst();
            if (row.isPresent()) {
                return row;
            }
        }
        return Stream.<GuideLine>concat(Stream.of(OtherCheck.values()), Stream.of(TokenPractice.GROUP))
                .filter(group -> tags.contains(group.tag())).findFirst();
    }

    /** The line's fix in the guide's words, for a failure that names this line: "Guide, Common Errors @error-1 …". */
    String advice();

    /**
     * The words that open {@link #advice()} and name this line alone: a failure message that quotes them is about this
     * line. The Allure report's categories file red scenarios by {@link #marker()}, not by these words.
     */
    String citation();

    /** The Common Errors row a scenario encodes, if it encodes one. */
    static Optional<CommonError> errorRowOf(Collection<String> tags) {
        return of(tags).filter(CommonError.class::isInstance).map(CommonError.class::cast);
    }
}
