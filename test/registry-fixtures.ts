// Communes and model bodies for registry tests. Codes are from refdata (2025 list unless noted).
import type { Queryable } from '../src/server/db/database';

export const COMMUNES = {
  /** Phường Mường Thanh, Điện Biên (11). */
  dienBien: '03334',
  /** Phường Lào Cai, Lào Cai (15). */
  laoCai: '02647',
  /** Phường Hà Giang 1, Tuyên Quang (08): formed from old Hà Giang (02) communes. */
  haGiang1: '00694',
  /** Phường Minh Xuân, Tuyên Quang (08): formed from old Tuyên Quang (08) communes. */
  minhXuan: '02215',
  /** Xã Nam Đồng, Ninh Bình (37): formed from communes of old Nam Định (36) and old Ninh Bình (37). */
  namDong: '14014',
  /** 2024 list: Phường Quang Trung, old Hà Giang (02) → Tuyên Quang (08). */
  quangTrung2024: '00688',
} as const;

export async function ethnicGroupId(db: Queryable, name: string): Promise<number> {
  const row = await db
    .selectFrom('ethnic_group')
    .select('ethnic_group_id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.ethnic_group_id;
}

let counter = 0;

/** A communication team in Điện Biên with members of two ethnic groups; override any field. */
export async function modelBody(db: Queryable, over: Record<string, unknown> = {}) {
  counter += 1;
  const thai = await ethnicGroupId(db, 'Thái');
  const mong = await ethnicGroupId(db, 'Mông');
  return {
    name: `Tổ truyền thông cộng đồng bản Na Sang ${counter}`,
    modelType: 'to_truyen_thong',
    communeCode: COMMUNES.dienBien,
    village: 'Bản Na Sang',
    foundedOn: '2023-03-15',
    leaderName: 'Lò Thị Xuân',
    members: [
      { sex: 'female' as const, ethnicGroupId: thai, count: 8 },
      { sex: 'male' as const, ethnicGroupId: thai, count: 4 },
      { sex: 'female' as const, ethnicGroupId: mong, count: 2 },
    ],
    ...over,
  };
}
