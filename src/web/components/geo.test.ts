import { describe, expect, it } from 'vitest';
import { classBreaks, classOf, projectMap } from './geo';

describe('the choropleth', () => {
  it('projects a square of lon/lat into the drawing, north at the top', () => {
    const map = projectMap(
      {
        features: [
          {
            properties: { code: '01', name: 'A' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [100, 10],
                  [101, 10],
                  [101, 11],
                  [100, 11],
                  [100, 10],
                ],
              ],
            },
          },
        ],
      },
      100,
    );
    expect(map.width).toBe(100);
    expect(map.height).toBeGreaterThan(100);
    expect(map.shapes[0]!.d.startsWith('M0.0 ')).toBe(true);
    expect(map.shapes[0]!.d.endsWith('Z')).toBe(true);
  });

  it('uses one class per count when counts are small, even steps when large', () => {
    expect(classBreaks(0)).toEqual([]);
    expect(classBreaks(3)).toEqual([1, 2, 3]);
    expect(classBreaks(50)).toEqual([1, 11, 21, 31, 41]);
    expect(classOf(0, [1, 2, 3])).toBe(-1);
    expect(classOf(25, classBreaks(50))).toBe(2);
  });
});
