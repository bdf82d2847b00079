import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { AppError } from './errors';
import { AdmissionQueue, admissionLimits, BUSY_MESSAGE } from './admission';

describe('admission limits', () => {
  it('defaults to 8 slots and 64 places on PGlite, twice the pool and 1000 places on PostgreSQL, 5 s wait', () => {
    const config = loadConfig({}).admission;
    expect(admissionLimits(config, { engine: 'pglite', connections: 1 })).toEqual({
      maxActive: 8,
      maxWaiting: 64,
      maxWaitMs: 5000,
    });
    expect(admissionLimits(config, { engine: 'postgresql', connections: 20 })).toEqual({
      maxActive: 40,
      maxWaiting: 1000,
      maxWaitMs: 5000,
    });
  });

  it('takes the limits from the environment', () => {
    const config = loadConfig({
      PHOIHOP_DB_MAX_ACTIVE: '3',
      PHOIHOP_DB_MAX_WAITING: '0',
      PHOIHOP_DB_MAX_WAIT_MS: '1500',
    }).admission;
    expect(admissionLimits(config, { engine: 'postgresql', connections: 20 })).toEqual({
      maxActive: 3,
      maxWaiting: 0,
      maxWaitMs: 1500,
    });
    expect(() => loadConfig({ PHOIHOP_DB_MAX_ACTIVE: 'many' })).toThrow(/PHOIHOP_DB_MAX_ACTIVE/);
    expect(() => new AdmissionQueue({ maxActive: 0, maxWaiting: 1, maxWaitMs: 1 })).toThrow(/maxActive/);
  });
});

describe('admission queue', () => {
  it('admits waiters first come, first served as slots free, and refuses beyond the queue', async () => {
    const queue = new AdmissionQueue({ maxActive: 1, maxWaiting: 2, maxWaitMs: 60_000 });
    const order: string[] = [];
    const first = queue.enter();
    const second = queue.enter();
    const third = queue.enter();
    const fourth = queue.enter();
    void second.admitted.then(() => order.push('second'));
    void third.admitted.then(() => order.push('third'));
    const refused = await fourth.admitted.then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ statusCode: 503, code: 'busy', message: BUSY_MESSAGE });
    await first.admitted;
    expect(queue.stats()).toEqual({ active: 1, waiting: 2, rejected: 1 });

    queue.leave(first);
    queue.leave(first); // a second release of the same ticket frees nothing more
    await second.admitted;
    expect(queue.stats()).toEqual({ active: 1, waiting: 1, rejected: 1 });
    queue.leave(second);
    await third.admitted;
    queue.leave(third);
    expect(order).toEqual(['second', 'third']);
    expect(queue.stats()).toEqual({ active: 0, waiting: 0, rejected: 1 });
  });

  it('lets a newcomer wait behind the queue rather than take a slot freed for a waiter', async () => {
    const queue = new AdmissionQueue({ maxActive: 1, maxWaiting: 5, maxWaitMs: 60_000 });
    const first = queue.enter();
    const waiter = queue.enter();
    queue.leave(first);
    const newcomer = queue.enter();
    await waiter.admitted;
    expect(queue.isWaiting(newcomer)).toBe(true);
    expect(queue.stats()).toMatchObject({ active: 1, waiting: 1 });
    queue.leave(waiter);
    await newcomer.admitted;
    queue.leave(newcomer);
    expect(queue.stats()).toMatchObject({ active: 0, waiting: 0 });
  });
});
