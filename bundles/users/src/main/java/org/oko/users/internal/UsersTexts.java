package org.oko.users.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.oko.platform.api.rest.ApiMessage;
import org.oko.platform.api.text.Texts;

/**
 * The users module's texts for people (refusals of logins and accounts, the rules of roles and passwords,
 * the founders' folders), in {@code messages.properties} (Russian) and {@code messages_en.properties}
 * (English) beside this class.
 */
public final class UsersTexts {

    public static final Texts TEXTS = Texts.of(UsersTexts.class);

    private UsersTexts() {
    }

    /** A list of Russian texts kept as one, "first|second|…": a workbook's column headers. */
    public static List<String> list(String key) {
        return List.of(TEXTS.ru(key).split("\\|"));
    }

    /** Several problems as one message, "first; second", in each language. */
    public static ApiMessage joined(List<ApiMessage> problems) {
        return new ApiMessage(problems.stream().map(ApiMessage::ru).collect(Collectors.joining("; ")),
                problems.stream().map(ApiMessage::en).collect(Collectors.joining("; ")));
    }
}
