package org.oko.forms.api;

/**
 * A message of validation.
 *
 * @param field  the indicator or cell key ({@code pupils.total[5]}) it is shown at; null for the whole form
 * @param ruleId the rule that produced it, or "required", "min", "max", "pattern", "type", "option"
 */
public record ValidationMessage(String field, Severity severity, Text message, String ruleId) {
}
