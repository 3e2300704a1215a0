-- The analytics bundle's tables, created once before its first start (docs/modules.md, "Upgrades and rollback").
-- Baseline and target of an indicator for a year: for the region (LEVEL region, CODE ''), a territory (its code), a
-- school (its code) or every school (CODE '*'), with who set them and when.
CREATE TABLE ANA_TARGET (
  CATALOGUE VARCHAR(40) NOT NULL,
  IND_CODE VARCHAR(20) NOT NULL,
  ANA_YEAR INT NOT NULL,
  LEVEL_KIND VARCHAR(10) NOT NULL,
  CODE VARCHAR(20) NOT NULL,
  BASELINE DECIMAL(14,2),
  TARGET DECIMAL(14,2),
  SET_BY VARCHAR(100) NOT NULL,
  SET_AT TIMESTAMP NOT NULL,
  PRIMARY KEY (CATALOGUE, IND_CODE, ANA_YEAR, LEVEL_KIND, CODE));
-- The clusters schools were assigned to, per year and model, so that moves between clusters show.
CREATE TABLE ANA_CLUSTER (
  MODEL VARCHAR(40) NOT NULL,
  ANA_YEAR INT NOT NULL,
  SCHOOL VARCHAR(20) NOT NULL,
  CLUSTER VARCHAR(20) NOT NULL,
  MODEL_VERSION INT NOT NULL,
  ASSIGNED_BY VARCHAR(100) NOT NULL,
  ASSIGNED_AT TIMESTAMP NOT NULL,
  PRIMARY KEY (MODEL, ANA_YEAR, SCHOOL));
