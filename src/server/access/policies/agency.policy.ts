// Agency scope on writes. Pure. Everyone in the programme reads across agencies within their
// province scope (row scope in SQL, `access/scope.ts`): it is a joint programme. Changing a row that
// belongs to an agency — a record (its organiser), its attachments, a community model (its owner),
// a budget line (the lead agency of its activity) — is for users of that agency or of the agency
// above it (the central Women's Union over the provincial unions, the ministry over the provincial
// ethnic-affairs offices), and for administrators. A row with no agency is changed by
// administrators only. The services check this after province scope: reading is allowed, so a
// refused change is a 403 with `AGENCY_REFUSAL`, like reports, missions and policy reviews.
import type { Actor } from '../actor';

/** The actor may change rows of any of these agencies: their own agency or one under it (admins: all). */
export function inAgencyScope(actor: Actor, agencyIds: readonly (number | null)[]): boolean {
  if (actor.role === 'admin') return true;
  return agencyIds.some((id) => id !== null && actor.agencyIds.includes(id));
}

/** The actor may change a row owned by this agency (null: no owner, administrators only). */
export const ownsRow = (actor: Actor, ownerAgencyId: number | null): boolean => inAgencyScope(actor, [ownerAgencyId]);

/** Why a change of another agency's row is refused (403). */
export const AGENCY_REFUSAL =
  'Dữ liệu này thuộc cơ quan khác: chỉ cơ quan tổ chức (hoặc cơ quan cấp trên của cơ quan đó) được sửa hoặc xóa; bạn vẫn xem được';

/** Why a row cannot be made the property of another agency (403 on the agency field). */
export const AGENCY_CHOICE_REFUSAL = 'Chỉ chọn được cơ quan của bạn hoặc cơ quan trực thuộc';
