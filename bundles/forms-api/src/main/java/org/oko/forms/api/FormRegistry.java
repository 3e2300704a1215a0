package org.oko.forms.api;

import java.util.List;
import java.util.Optional;

/**
 * The forms that modules and deployed files provide. Definitions come and go with their bundles;
 * every version ever published stays known (its submissions keep pointing at it).
 */
public interface FormRegistry {

    /** Every known version, newest version of each form first. */
    List<FormInfo> forms();

    /** A version, available or not. */
    Optional<FormDefinition> definition(String id, int version);

    /** The newest available version of a form. */
    Optional<FormDefinition> latest(String id);

    /** Definitions that were refused, with their reasons, until their source is fixed or removed. */
    List<FormProblem> problems();
}
