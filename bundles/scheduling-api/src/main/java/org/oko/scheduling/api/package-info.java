/**
 * Scheduling: the production calendar (working days with Russian public holidays and the
 * government's day transfers) and deadline arithmetic — fixed dates, N calendar days or N working
 * days after another step or an event, and chains of such steps.
 */
@Version("1.1.0")
@Export
package org.oko.scheduling.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
