// The API's named types, one per named server schema (src/server/http/named-schemas.ts), exported
// under their own names by the generated schema.d.ts (`npm run gen:api`). Import views from here:
//   import type { PlanView, RecordSummary } from '../../api/types';
// A response without a name of its own is still read by path: ResponseOf<'/api/plans/{id}/diff', 'get'>.
export type * from './schema';
