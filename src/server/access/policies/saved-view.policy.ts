// Who may change a saved view. Pure: (actor, view) → allowed actions. Seeing it is the repo's scope
// (the owner's own, and views shared in the owner's agency); changing it is the owner's alone.
import type { Actor } from '../actor';

export type SavedViewAction = 'edit' | 'delete';

export function savedViewActions(actor: Pick<Actor, 'userId'>, view: { ownerUserId: number }): SavedViewAction[] {
  return view.ownerUserId === actor.userId ? ['edit', 'delete'] : [];
}

export const SAVED_VIEW_REFUSAL = 'Chỉ người tạo mới được đổi tên, chia sẻ hoặc xóa chế độ xem này';
