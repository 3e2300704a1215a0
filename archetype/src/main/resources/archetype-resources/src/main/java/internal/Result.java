package ${package}.internal;

/** One participant's score: by codes only, never a name (personal data stays at the school). */
public record Result(String school, String participant, int score) {
}
