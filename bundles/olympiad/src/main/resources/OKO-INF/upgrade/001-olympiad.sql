-- The ВсОШ module's tables, created once by the platform before the module's first start (docs/modules.md,
-- "Upgrades and rollback"); kept when the module is removed. A later version adds a step, never edits this one.
-- One row per participation: a participant (the same code in every subject, stage and year) in a subject at a stage.
CREATE TABLE OLY_RESULT (
  OLY_YEAR INT NOT NULL,
  STAGE VARCHAR(12) NOT NULL,
  SUBJECT VARCHAR(20) NOT NULL,
  PARTICIPANT VARCHAR(40) NOT NULL,
  GRADE SMALLINT NOT NULL,
  SCHOOL VARCHAR(20) NOT NULL,
  SCORE DECIMAL(7,2) NOT NULL,
  FILE_STATUS VARCHAR(12),
  IMPORTED_BY VARCHAR(100) NOT NULL,
  IMPORTED_AT TIMESTAMP NOT NULL,
  PRIMARY KEY (OLY_YEAR, STAGE, SUBJECT, PARTICIPANT));
CREATE INDEX OLY_RESULT_SCHOOL ON OLY_RESULT (OLY_YEAR, SCHOOL);
-- The maximum and passing scores of a stage, subject and grade, for the region (TERRITORY '') or one territory,
-- with who set them and when.
CREATE TABLE OLY_SCORE (
  OLY_YEAR INT NOT NULL,
  STAGE VARCHAR(12) NOT NULL,
  SUBJECT VARCHAR(20) NOT NULL,
  GRADE SMALLINT NOT NULL,
  TERRITORY VARCHAR(20) NOT NULL,
  MAX_SCORE DECIMAL(7,2),
  PASSING_SCORE DECIMAL(7,2),
  SET_BY VARCHAR(100) NOT NULL,
  SET_AT TIMESTAMP NOT NULL,
  PRIMARY KEY (OLY_YEAR, STAGE, SUBJECT, GRADE, TERRITORY));
