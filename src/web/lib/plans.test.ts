import { describe, expect, it } from 'vitest';
import { planLabel, shorten } from './plans';

const TITLE =
  'Kế hoạch thực hiện Dự án 8 "Thực hiện bình đẳng giới và giải quyết những vấn đề cấp thiết đối với phụ nữ và trẻ em" năm 2025';

describe('planLabel', () => {
  it('starts with the year, so plans with the same title differ in the first characters a select shows', () => {
    const a = planLabel({ year: 2024, number: '12/KH-HLHPN', title: TITLE });
    const b = planLabel({ year: 2025, number: '12/KH-HLHPN', title: TITLE });
    expect(a.startsWith('2024 · 12/KH-HLHPN — ')).toBe(true);
    expect(shorten(a, 20)).not.toBe(shorten(b, 20));
    expect(shorten(b, 80)).toMatch(/^2025 · /);
  });

  it('leaves out what the plan does not have', () => {
    expect(planLabel({ number: '', title: 'Kế hoạch' })).toBe('Kế hoạch');
    expect(planLabel({ year: 2025, number: '', title: 'Kế hoạch' })).toBe('2025 · Kế hoạch');
  });
});
