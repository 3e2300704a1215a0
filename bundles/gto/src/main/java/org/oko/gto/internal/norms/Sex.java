package org.oko.gto.internal.norms;

/** The norms tables' two columns: boys (мальчики, юноши) and girls (девочки, девушки). */
public enum Sex {
    BOYS, GIRLS
}
