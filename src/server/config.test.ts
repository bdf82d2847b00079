import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('creates demo accounts only when asked, by default only on the embedded engine', () => {
    expect(loadConfig({}).loadDemo).toBe(true);
    expect(loadConfig({ PHOIHOP_DEMO: '0' }).loadDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/phoihop' }).loadDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/phoihop', PHOIHOP_DEMO: '1' }).loadDemo).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/phoihop', PHOIHOP_DEMO: 'yes' }).loadDemo).toBe(false);
  });
});
