-- The module's own table, created once by the platform before the module's first start (docs/modules.md,
-- "Upgrades and rollback"). A later version changes it with a new step (002-….sql), never by editing this one.
CREATE TABLE ${moduleId.toUpperCase()}_RESULT (
  SPEC_KEY VARCHAR(40) NOT NULL,
  SCHOOL VARCHAR(20) NOT NULL,
  PARTICIPANT VARCHAR(40) NOT NULL,
  SCORE INT NOT NULL,
  PRIMARY KEY (SPEC_KEY, SCHOOL, PARTICIPANT));
