package org.oko.platform.api;

/** Computes the current health of the installation; cheap enough to call on every request. */
public interface HealthService {

    Health health();
}
