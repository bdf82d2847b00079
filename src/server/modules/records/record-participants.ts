// Participants of a record: either a breakdown (rows by sex × ethnic group × target group × age
// band, only the groups present) whose totals are the sums of the rows, or totals only when the
// breakdown is unknown. Pure; errors name the field.
import { badRequest } from '../../http/errors';
import type { ParticipantMode } from '../../../shared/record-codes';
import type { ParticipantRow, ParticipantsInput } from './records.schemas';
import { formatNumberVi } from '../../common/format-vi';

export interface Participants {
  mode: ParticipantMode;
  total: number;
  /** Null only in totals_only mode when the number of women is not known. */
  female: number | null;
  rows: ParticipantRow[];
}

const n = (value: number) => formatNumberVi(value);

const rowKey = (r: ParticipantRow) => `${r.sex}|${r.ethnicGroupId}|${r.targetGroup}|${r.ageBand}`;

export function checkParticipants(input: ParticipantsInput | undefined): Participants {
  if (!input) return { mode: 'breakdown', total: 0, female: 0, rows: [] };
  const given = { total: input.totalParticipants ?? null, female: input.femaleParticipants ?? null };
  if (input.mode === 'totals_only') {
    if (input.rows?.length)
      throw badRequest('participants.rows', 'Chế độ "chỉ nhập tổng số" không kèm các dòng chi tiết người tham gia');
    if (given.total === null)
      throw badRequest(
        'participants.totalParticipants',
        'Cần nhập tổng số người tham gia khi không có số liệu chi tiết',
      );
    if (given.female !== null && given.female > given.total)
      throw badRequest(
        'participants.femaleParticipants',
        `Số nữ tham gia (${n(given.female)}) lớn hơn tổng số người tham gia (${n(given.total)})`,
      );
    return { mode: 'totals_only', total: given.total, female: given.female, rows: [] };
  }
  const rows = input.rows ?? [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const first = seen.get(rowKey(row));
    if (first !== undefined)
      throw badRequest(
        `participants.rows.${i}`,
        `Dòng ${i + 1} trùng với dòng ${first + 1} (cùng giới tính, dân tộc, đối tượng và nhóm tuổi): hãy cộng gộp`,
      );
    seen.set(rowKey(row), i);
  });
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  const female = rows.reduce((sum, r) => sum + (r.sex === 'female' ? r.count : 0), 0);
  if (given.total !== null && given.total !== total)
    throw badRequest(
      'participants.totalParticipants',
      `Tổng số người tham gia (${n(given.total)}) không khớp tổng các dòng (${n(total)})`,
    );
  if (given.female !== null && given.female !== female)
    throw badRequest(
      'participants.femaleParticipants',
      `Số nữ tham gia (${n(given.female)}) không khớp tổng các dòng nữ (${n(female)})`,
    );
  return { mode: 'breakdown', total, female, rows };
}
