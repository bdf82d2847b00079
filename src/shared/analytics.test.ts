import { describe, expect, it } from 'vitest';
import {
  addMonths,
  adxPeriod,
  comboCode,
  monthOf,
  parseAdxPeriod,
  parseComboCode,
  parsePeriod,
  periodContaining,
  periodLabel,
} from './analytics';

describe('periods', () => {
  it('reads DHIS2 period codes as month ranges', () => {
    expect(parsePeriod('2022')).toEqual({ code: '2022', type: 'yearly', start: 202201, end: 202212 });
    expect(parsePeriod('2022S2')).toEqual({ code: '2022S2', type: 'sixmonthly', start: 202207, end: 202212 });
    expect(parsePeriod('2022Q3')).toEqual({ code: '2022Q3', type: 'quarterly', start: 202207, end: 202209 });
    expect(parsePeriod('202211')).toEqual({ code: '202211', type: 'monthly', start: 202211, end: 202211 });
  });

  it('refuses what is not a period', () => {
    for (const bad of ['2022Q5', '202213', '202200', '22', '2022-01', 'năm 2022', '1999', '2022S3'])
      expect(parsePeriod(bad)).toBeNull();
  });

  it('finds the period of a month and steps months across years', () => {
    expect(periodContaining('quarterly', 202211).code).toBe('2022Q4');
    expect(periodContaining('sixmonthly', 202206).code).toBe('2022S1');
    expect(periodContaining('yearly', 202206).code).toBe('2022');
    expect(addMonths(202212, 1)).toBe(202301);
    expect(addMonths(202301, -1)).toBe(202212);
    expect(monthOf('2022-07-18')).toBe(202207);
  });

  it('names periods in Vietnamese', () => {
    expect(periodLabel('2022Q3')).toBe('Quý III/2022');
    expect(periodLabel('2022S1')).toBe('6 tháng đầu năm 2022');
    expect(periodLabel('202212')).toBe('Tháng 12/2022');
    expect(periodLabel('2022')).toBe('Năm 2022');
  });

  it('writes and reads ADX periods, only on period boundaries', () => {
    for (const code of ['2022', '2022S2', '2022Q3', '202211']) expect(parseAdxPeriod(adxPeriod(code))?.code).toBe(code);
    expect(adxPeriod('2022Q2')).toBe('2022-04-01/P3M');
    expect(parseAdxPeriod('2022-02-01/P3M')).toBeNull();
    expect(parseAdxPeriod('2022-01-01/P2M')).toBeNull();
  });
});

describe('category option combos', () => {
  it('writes dimensions in a fixed order and reads them back', () => {
    expect(comboCode({})).toBe('default');
    expect(comboCode({ ethnic_group: '3', sex: 'female' })).toBe('sex=female;ethnic_group=3');
    expect(parseComboCode('sex=female;ethnic_group=3')).toEqual({ sex: 'female', ethnic_group: '3' });
    expect(parseComboCode('default')).toEqual({});
    expect(parseComboCode('colour=red')).toBeNull();
    expect(parseComboCode('sex=female;sex=male')).toBeNull();
  });
});
