/** The forms bundle's internals: never exported. */
package org.oko.forms.internal;
