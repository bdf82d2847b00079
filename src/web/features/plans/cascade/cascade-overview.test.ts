import { describe, expect, it } from 'vitest';
import { stageCounts, viewRows, type ProvinceRow } from './cascade-overview';

const row = (code: string, name: string, over: Partial<ProvinceRow> = {}): ProvinceRow => ({
  code,
  name,
  planId: null,
  status: null,
  stage: 'not_sent',
  derivedAt: null,
  derivedBy: null,
  sentByCentre: false,
  signedAt: null,
  issuedOn: null,
  number: '',
  ...over,
});

const rows = [
  row('15', 'Lào Cai', { stage: 'issued', planId: 3, derivedAt: '2026-01-02T00:00:00Z', issuedOn: '2026-02-01' }),
  row('11', 'Điện Biên', { stage: 'derived', planId: 2, derivedAt: '2026-01-05T00:00:00Z' }),
  row('01', 'Hà Nội'),
  row('12', 'Lai Châu', { stage: 'signed', planId: 4, derivedAt: '2026-01-03T00:00:00Z' }),
];
const names = (r: ProvinceRow[]) => r.map((x) => x.name);

describe('the cascade overview', () => {
  it('finds provinces by words without marks, đ included', () => {
    expect(names(viewRows(rows, { stage: '', q: 'dien', sort: 'name' }))).toEqual(['Điện Biên']);
    expect(names(viewRows(rows, { stage: '', q: 'LAO cai', sort: 'name' }))).toEqual(['Lào Cai']);
    expect(names(viewRows(rows, { stage: '', q: 'l', sort: 'name' }))).toEqual(['Lai Châu', 'Lào Cai']);
  });

  it('filters by status and sorts by status, date received or date issued', () => {
    expect(names(viewRows(rows, { stage: 'derived', q: '', sort: 'name' }))).toEqual(['Điện Biên']);
    expect(names(viewRows(rows, { stage: '', q: '', sort: 'name' }))).toEqual([
      'Điện Biên',
      'Hà Nội',
      'Lai Châu',
      'Lào Cai',
    ]);
    expect(names(viewRows(rows, { stage: '', q: '', sort: 'stage' }))).toEqual([
      'Hà Nội',
      'Điện Biên',
      'Lai Châu',
      'Lào Cai',
    ]);
    expect(names(viewRows(rows, { stage: '', q: '', sort: 'stageDesc' }))[0]).toBe('Lào Cai');
    expect(names(viewRows(rows, { stage: '', q: '', sort: 'derivedAt' }))).toEqual([
      'Điện Biên',
      'Lai Châu',
      'Lào Cai',
      'Hà Nội',
    ]);
    expect(names(viewRows(rows, { stage: '', q: '', sort: 'issuedOn' }))[0]).toBe('Lào Cai');
  });

  it('counts the provinces that received, signed and issued', () => {
    expect(stageCounts(rows)).toEqual({ total: 4, sent: 3, signed: 2, issued: 1 });
  });
});
