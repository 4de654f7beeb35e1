import { describe, expect, it } from 'vitest';
import { formatBytes, formatExact, formatNanos, formatPercent, formatValue, thousands, unitClass, visibleMarks } from '../../src/state/format';

describe('thousands', () => {
  it('groups digits with commas whatever the locale', () => {
    expect(thousands(0)).toBe('0');
    expect(thousands(999)).toBe('999');
    expect(thousands(1000)).toBe('1,000');
    expect(thousands(1234567)).toBe('1,234,567');
    expect(thousands(-9876543)).toBe('-9,876,543');
    expect(thousands(1234.5)).toBe('1,234.5');
  });
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1 KiB');
    expect(formatBytes(512 * 1024)).toBe('512 KiB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MiB');
    expect(formatBytes(2 * 1024 ** 3)).toBe('2 GiB');
    expect(formatBytes(12.34 * 1024 ** 2)).toBe('12.3 MiB');
  });
});

describe('formatNanos', () => {
  it('picks ns, µs, ms, s, minutes', () => {
    expect(formatNanos(500)).toBe('500 ns');
    expect(formatNanos(1500)).toBe('1.5 µs');
    expect(formatNanos(10_000_000)).toBe('10 ms');
    expect(formatNanos(2_340_000_000)).toBe('2.34 s');
    expect(formatNanos(90e9)).toBe('1m 30s');
  });
});

describe('formatValue', () => {
  it('scales by pprof unit', () => {
    expect(formatValue(1048576, 'bytes')).toBe('1 MiB');
    expect(formatValue(1e9, 'nanoseconds')).toBe('1 s');
    expect(formatValue(1500, 'microseconds')).toBe('1.5 ms');
    expect(formatValue(1234567, 'count')).toBe('1,234,567');
    expect(formatValue(42, '')).toBe('42');
    expect(formatValue(7, 'widgets')).toBe('7 widgets');
  });
  it('gives the exact figure too', () => {
    expect(formatExact(13002752, 'bytes')).toBe('13,002,752 bytes');
    expect(formatExact(5, 'count')).toBe('5');
  });
  it('classifies units', () => {
    expect(unitClass('bytes')).toBe('bytes');
    expect(unitClass('nanoseconds')).toBe('time');
    expect(unitClass('count')).toBe('count');
  });
});

describe('formatPercent', () => {
  it('is safe for a zero total', () => {
    expect(formatPercent(5, 0)).toBe('0%');
    expect(formatPercent(0, 10)).toBe('0%');
  });
  it('gives two decimals and a floor', () => {
    expect(formatPercent(1, 3)).toBe('33.33%');
    expect(formatPercent(10, 10)).toBe('100.00%');
    expect(formatPercent(1, 1e6)).toBe('<0.01%');
  });
});

describe('visibleMarks', () => {
  it('shows every bidi control as a visible mark, in stored order', () => {
    expect(visibleMarks('main.\u202Eevil\u202C.reversed')).toBe('main.⟨U+202E⟩evil⟨U+202C⟩.reversed');
    const controls = '\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(visibleMarks(controls)).toBe([...controls].map((c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`).join(''));
    expect(visibleMarks(controls + 'x')).not.toMatch(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
  });

  it('leaves other text as it is, the same string when there is nothing to mark', () => {
    const s = 'net/http.(*conn).serve 日本 \u200D zero-width joiner';
    expect(visibleMarks(s)).toBe(s);
    expect(visibleMarks('a\u202Eb')).toBe(visibleMarks('a\u202Eb')); // the regex's state does not leak between calls
  });
});
