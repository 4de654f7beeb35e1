import { describe, expect, it } from 'vitest';
import {
  count,
  encodingLabel,
  frameTitle,
  isGoroutineInfo,
  location,
  percent,
  plural,
  profileTime,
  shortFile,
  signed,
  stateTone,
  waitGrowth,
  waitRange,
} from '../../../src/ui/goroutines/format';
import type { FileInfo } from '../../../src/worker/types';

const summary = { sampleTypes: [{ type: 'goroutine', unit: 'count' }] } as unknown as FileInfo['profile'];

describe('goroutine view words and numbers', () => {
  it('groups thousands and signs deltas with a real minus', () => {
    expect(count(1234567)).toBe('1,234,567');
    expect(signed(4812)).toBe('+4,812');
    expect(signed(-1200)).toBe('−1,200');
    expect(signed(0)).toBe('±0');
    expect(plural(1, 'stack')).toBe('1 stack');
    expect(plural(12000, 'goroutine')).toBe('12,000 goroutines');
  });

  it('shows shares without noise', () => {
    expect(percent(98.93)).toBe('99%');
    expect(percent(99.97)).toBe('>99.9%');
    expect(percent(100)).toBe('100%');
    expect(percent(0.61)).toBe('0.6%');
    expect(percent(0.01)).toBe('<0.1%');
    expect(percent(0)).toBe('0%');
  });

  it('prints wait minutes as a dump means them', () => {
    expect(waitRange(-1, -1)).toBe('—');
    expect(waitRange(0, 0)).toBe('<1 min');
    expect(waitRange(0, 12)).toBe('<1–12 min');
    expect(waitRange(3, 3)).toBe('3 min');
    expect(waitRange(1500, 2000)).toBe('1,500–2,000 min');
    expect(waitGrowth(1, 2, 1)).toBe('1 → 2 min');
    expect(waitGrowth(-1, 2, null)).toBe('2 min');
    expect(waitGrowth(-1, -1, null)).toBe('—');
  });

  it('shortens files and functions, keeping what tells them apart', () => {
    expect(shortFile('/usr/local/go/src/net/fd_posix.go')).toBe('net/fd_posix.go');
    expect(shortFile('main.go')).toBe('main.go');
    expect(location({ func: 'main.subscribe', file: '/w/x/subscriber.go', line: 44 })).toBe('subscriber.go:44');
    expect(location({ func: 'main.subscribe', file: '/w/x/subscriber.go', line: 44 }, true)).toBe('/w/x/subscriber.go:44');
    expect(location(null)).toBe('');
    expect(frameTitle({ func: 'f', file: '', line: 0 })).toBe('f');
  });

  it('gives each state family its tone', () => {
    expect(stateTone('IO wait')).toBe('io');
    expect(stateTone('chan receive')).toBe('chan');
    expect(stateTone('select (no cases)')).toBe('chan');
    expect(stateTone('semacquire')).toBe('sync');
    expect(stateTone('sync.Mutex.Lock')).toBe('sync');
    expect(stateTone('sleep')).toBe('sleep');
    expect(stateTone('running')).toBe('run');
    expect(stateTone('syscall')).toBe('syscall');
    expect(stateTone('GC worker (idle)')).toBe('other');
  });

  it('knows goroutine files from their kind, not their name', () => {
    const base = { id: 1, name: 'heap.pb.gz', size: 1, warnings: [], profile: summary };
    expect(isGoroutineInfo({ ...base, kind: { kind: 'pprof', profile: 'goroutine' } })).toBe(true);
    expect(isGoroutineInfo({ ...base, kind: { kind: 'goroutine-dump', form: 'debug=1' } })).toBe(true);
    expect(isGoroutineInfo({ ...base, name: 'goroutine.pb.gz', kind: { kind: 'pprof', profile: 'heap' } })).toBe(false);
    expect(isGoroutineInfo({ ...base, kind: { kind: 'goroutine-dump', form: 'debug=2' }, error: 'bad' })).toBe(false);
    expect(isGoroutineInfo({ ...base, kind: { kind: 'goroutine-dump', form: 'debug=2' }, profile: undefined })).toBe(false);
    expect(isGoroutineInfo(undefined)).toBe(false);
  });

  it('names encodings and times', () => {
    expect(encodingLabel('debug=2')).toMatch(/debug=2/);
    expect(profileTime(0)).toBe('');
    expect(profileTime(1_700_000_000_000_000_000)).toBe('2023-11-14 22:13:20 UTC');
  });
});
