package org.oko.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StaticPathsTest {

    @Test
    void plainFilesAndSubfoldersPass() {
        assertEquals("index.html", StaticPaths.safe("index.html"));
        assertEquals("js/app.js", StaticPaths.safe("js/app.js"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc/users.properties", "js/../../x.js", "./index.html", ".hidden.js", "a//b.js",
            "folder", "js\\..\\x.js", "", "a/\0.js"})
    void escapesHiddenFilesAndFoldersAreRefused(String path) {
        assertNull(StaticPaths.safe(path));
    }
}
