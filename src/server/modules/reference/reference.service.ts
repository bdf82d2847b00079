// What other modules read of the reference data: agencies and their names as of a date,
// province names, ethnic groups. The SQL stays in this module's repos.
import type { Queryable } from '../../db/database';
import { listAgenciesAt, type AgencyAt } from './agencies.repo';

export {
  agencyAt,
  agencyNameFormsAt,
  findAgencyByName,
  formerAbbreviations,
  listAgenciesAt,
  searchAgencies,
  type AgencyAt,
  type AgencyNameForms,
} from './agencies.repo';
export { createAgency, proposeAgency, type AgencyProposal, type NewAgency } from './agencies.service';
export { agencyPositionsAt, type PositionAt, type PositionRole } from './agency-positions.repo';
export { listAdminUnits, provinceNames } from './admin-units.repo';
export { listEthnicGroups } from './ethnic-groups.repo';

/** The agencies with these ids under their names as of `at` (YYYY-MM-DD), by id. */
export async function agencyMap(db: Queryable, ids: number[], at: string): Promise<Map<number, AgencyAt>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const { items } = await listAgenciesAt(db, { at, ids: unique, limit: unique.length, withoutTotal: true });
  return new Map(items.map((a) => [a.id, a]));
}
