package org.oko.platform.api.cache;

/**
 * The platform's named generations (a service): on embedded Derby each lives in this process; on a database server
 * it is a row every node reads (at most a second old) and advances, so that data written through one node is
 * recomputed on the others. Names are the data's: {@code gto.tests}, {@code vpr.works}.
 */
public interface Generations {

    Generation of(String name);
}
