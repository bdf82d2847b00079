// Row types of every table. The types themselves are generated from the migrated database
// (schema.generated.ts, `npm run gen:db`; a test fails when they are stale); this file only keeps
// the names the code imports.
import type {
  DB,
  AdminUnit,
  AdminUnitChange,
  AdminUnitLineage,
  EthnicGroup,
  ExchangeCode,
  PolicyReview,
} from './schema.generated';

export type { DB };
export type AdminUnitTable = AdminUnit;
export type AdminUnitChangeTable = AdminUnitChange;
export type AdminUnitLineageTable = AdminUnitLineage;
export type EthnicGroupTable = EthnicGroup;
export type ExchangeCodeTable = ExchangeCode;
export type PolicyReviewTable = PolicyReview;
