import { describe, expect, it } from 'vitest';
import { DatabaseReadiness } from './readiness';

function probeable() {
  let now = 0;
  const calls: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const check = () =>
    new Promise<void>((resolve, reject) => {
      calls.push({ resolve, reject });
    });
  const readiness = new DatabaseReadiness(check, { probeAfterMs: 5_000, staleAfterMs: 30_000, now: () => now });
  return { readiness, calls, advance: (ms: number) => (now += ms) };
}

describe('database readiness', () => {
  it('is not ready before the database has ever answered, and asks it once however often it is read', () => {
    const { readiness, calls } = probeable();
    expect(readiness.ready()).toBe(false);
    expect(readiness.ready()).toBe(false);
    expect(calls).toHaveLength(1);
  });

  it('answers from the last probe without asking again while it is recent', async () => {
    const { readiness, calls, advance } = probeable();
    const first = readiness.probe();
    calls[0]!.resolve();
    await first;
    advance(4_000);
    expect(readiness.ready()).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('asks again in the background once the answer is old, and stays ready meanwhile', async () => {
    const { readiness, calls, advance } = probeable();
    const first = readiness.probe();
    calls[0]!.resolve();
    await first;
    advance(6_000);
    expect(readiness.ready()).toBe(true);
    expect(calls).toHaveLength(2);
    expect(readiness.ready()).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('is not ready when no probe has succeeded for the stale time (a database that does not answer)', async () => {
    const { readiness, calls, advance } = probeable();
    const first = readiness.probe();
    calls[0]!.resolve();
    await first;
    advance(6_000);
    readiness.ready(); // starts a probe that never answers
    advance(25_000);
    expect(readiness.ready()).toBe(false);
    expect(calls).toHaveLength(2);
  });

  it('is not ready after a failed probe, and ready again after the next success', async () => {
    const { readiness, calls } = probeable();
    const first = readiness.probe();
    calls[0]!.reject(new Error('connection refused'));
    await first;
    expect(readiness.ready()).toBe(false);
    expect(calls).toHaveLength(2);
    calls[1]!.resolve();
    await readiness.probe();
    expect(readiness.ready()).toBe(true);
  });
});
