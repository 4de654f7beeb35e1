import { describe, expect, it } from 'vitest';
import { declaredName, sourceMismatch } from '../../../src/analysis/source/mismatch';

describe('does the source look like the build', () => {
  it('names what a declaration spells', () => {
    expect(declaredName('main.(*RuleStore).loadAllRules')).toBe('loadAllRules');
    expect(declaredName('example.com/app/store.Get[...]')).toBe('Get');
    expect(declaredName('main.main.func1')).toBeNull();
    expect(declaredName('main.(*T).run.gowrap2')).toBeNull();
  });

  const text = ['package main', '', 'func (s *Store) load() {', '\tgo func() {', '\t}()', '}'];

  it('accepts a start line that declares the function, a literal, or none recorded', () => {
    expect(sourceMismatch('main.(*Store).load', 3, 5, text)).toBeNull();
    expect(sourceMismatch('main.(*Store).load.func1', 4, 5, text)).toBeNull();
    expect(sourceMismatch('main.(*Store).load', 0, 5, text)).toBeNull();
  });

  it('says when the start line reads otherwise or lines are missing', () => {
    expect(sourceMismatch('main.(*Store).load', 2, 5, text)).toBe('the profile says main.(*Store).load starts on line 2, which here reads “”');
    expect(sourceMismatch('main.(*Store).load', 3, 9, text)).toBe('the profile has values on line 9, but this file has 6 lines');
    expect(sourceMismatch('main.(*Store).load', 8, 5, text)).toBe("the profile says main.(*Store).load starts on line 8, past this file's end");
  });
});
