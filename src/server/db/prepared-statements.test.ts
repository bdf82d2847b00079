import { describe, expect, it } from 'vitest';
import { StatementNames } from './prepared-statements';

describe('StatementNames', () => {
  it('names a text at its third use, the same name every time after', () => {
    const names = new StatementNames();
    const text = 'select 1 where $1 = $1';
    expect(names.nameOf(text)).toBeUndefined();
    expect(names.nameOf(text)).toBeUndefined();
    const name = names.nameOf(text);
    expect(name).toMatch(/^phoihop_[0-9a-f]{20}$/);
    expect(names.nameOf(text)).toBe(name);
    expect(names.nameOf('select 2 where $1 = $1')).toBeUndefined();
  });

  it('names at most maxNames texts, and never a text longer than maxLength', () => {
    const names = new StatementNames({ maxNames: 2, minUses: 1, maxLength: 30 });
    expect(names.nameOf('select $1')).toBeDefined();
    expect(names.nameOf('select $1, $2')).toBeDefined();
    expect(names.nameOf('select $1, $2, $3')).toBeUndefined();
    expect(names.size).toBe(2);
    expect(new StatementNames({ minUses: 1, maxLength: 30 }).nameOf(`select ${'$1, '.repeat(20)}$1`)).toBeUndefined();
  });

  it('keeps its counts bounded under a flood of one-off texts', () => {
    const names = new StatementNames({ maxNames: 5, minUses: 2 });
    for (let i = 0; i < 1000; i++) names.nameOf(`select ${i} where $1`);
    // The oldest counts were forgotten: the first text starts again from one use.
    expect(names.nameOf('select 0 where $1')).toBeUndefined();
    expect(names.nameOf('select 999 where $1')).toBeDefined();
  });
});
