package org.oko.forms.api;

/** ERROR blocks submission; WARNING lets the school submit once it explains the value in a comment. */
public enum Severity { ERROR, WARNING }
