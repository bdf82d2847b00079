import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { FIRST_DELAY_MS, delayAfter, throttleAddress } from './login-throttle';

describe('login throttle', () => {
  it('waits only past the allowed failures, doubling up to the cap', () => {
    const cap = 15 * 60_000;
    expect([0, 4].map((f) => delayAfter(f, 5, cap))).toEqual([0, 0]);
    expect([5, 6, 7, 8].map((f) => delayAfter(f, 5, cap))).toEqual([1, 2, 4, 8].map((x) => x * FIRST_DELAY_MS));
    expect(delayAfter(9, 5, cap)).toBe(16 * FIRST_DELAY_MS);
    expect(delayAfter(10, 5, cap)).toBe(cap);
    expect(delayAfter(5000, 5, cap)).toBe(cap);
  });

  it('keeps IPv4 addresses and counts an IPv6 address as its /64', () => {
    expect(throttleAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(throttleAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(throttleAddress('2001:db8:0:1:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:0:1::/64');
    expect(throttleAddress('2001:0DB8:0000:0001::1')).toBe('2001:db8:0:1::/64');
    expect(throttleAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttleAddress('::1')).toBe('0:0:0:0::/64');
    expect(throttleAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('trusts no proxy unless PHOIHOP_TRUST_PROXY lists them, and refuses anything but addresses', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ PHOIHOP_TRUST_PROXY: '10.0.0.1, 10.0.0.2,10.1.0.0/16,::1,loopback' }).trustProxy).toEqual([
      '10.0.0.1',
      '10.0.0.2',
      '10.1.0.0/16',
      '::1',
      'loopback',
    ]);
    for (const bad of ['true', '1', 'proxy.local', '10.0.0.300']) {
      expect(() => loadConfig({ PHOIHOP_TRUST_PROXY: bad })).toThrow(/PHOIHOP_TRUST_PROXY/);
    }
  });
});
