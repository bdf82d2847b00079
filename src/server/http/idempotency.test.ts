import { describe, expect, it } from 'vitest';
import { canonicalJson, requestHash } from './idempotency';

describe('idempotency request hash', () => {
  it('ignores the order of object keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
    expect(requestHash('POST', '/api/records', { a: 1, b: 2 })).toBe(
      requestHash('post', '/api/records', { b: 2, a: 1 }),
    );
  });

  it('drops undefined properties as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}');
  });

  it('differs when the body, the path or the method differs', () => {
    const base = requestHash('POST', '/api/records', { title: 'Tập huấn' });
    expect(requestHash('POST', '/api/records', { title: 'Tập huấn ' })).not.toBe(base);
    expect(requestHash('POST', '/api/plans', { title: 'Tập huấn' })).not.toBe(base);
    expect(requestHash('PUT', '/api/records', { title: 'Tập huấn' })).not.toBe(base);
  });

  it('keeps array order, which is meaningful', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });
});
