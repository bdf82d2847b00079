// The two generations of Vietnam's administrative units: 63 provinces until 30/6/2025, 34 from 1/7/2025.

export type Generation = 2024 | 2025;

/** The first day of the 2025 units. */
export const GENERATION_2025_FROM = '2025-07-01';

/** The generation in force on a date (YYYY-MM-DD). */
export function generationAt(isoDate: string): Generation {
  return isoDate >= GENERATION_2025_FROM ? 2025 : 2024;
}
