package org.oko.forms.api;

/** One answer of a choice or multi-choice indicator: the stored value and its label. */
public record Option(String value, Text label) {
}
