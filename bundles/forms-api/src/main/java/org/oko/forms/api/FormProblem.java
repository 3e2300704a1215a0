package org.oko.forms.api;

/** Why a module's or a file's form definition was not taken: the source, the file in it, and the reason. */
public record FormProblem(String source, String file, String message) {
}
