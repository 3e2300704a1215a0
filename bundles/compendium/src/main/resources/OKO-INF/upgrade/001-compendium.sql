-- The compendium bundle's table, created once before its first start (docs/modules.md, "Upgrades and rollback").
-- An edition of a year's compendium: the book as built (JSON) and its PDF and XLSX in Russian, its state
-- (DRAFT, APPROVED, PUBLISHED, WITHDRAWN), who built, approved and published it and when. One published edition per year.
CREATE TABLE CMP_EDITION (
  ID BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY,
  CMP_YEAR INT NOT NULL,
  EDITION INT NOT NULL,
  STATUS VARCHAR(12) NOT NULL,
  SPEC_KEY VARCHAR(40) NOT NULL,
  SPEC_VERSION INT NOT NULL,
  TITLE VARCHAR(400) NOT NULL,
  BUILT_BY VARCHAR(100) NOT NULL,
  BUILT_AT TIMESTAMP NOT NULL,
  APPROVED_BY VARCHAR(100),
  APPROVED_AT TIMESTAMP,
  PUBLISHED_BY VARCHAR(100),
  PUBLISHED_AT TIMESTAMP,
  BOOK BLOB(64M) NOT NULL,
  PDF BLOB(256M) NOT NULL,
  XLSX BLOB(64M) NOT NULL,
  PRIMARY KEY (ID),
  UNIQUE (CMP_YEAR, EDITION));
