// Presenter mode's keys: which action a key asks for, given what has the focus (issue 15: a
// teacher ticks "ask what happens next?" and goes on with →; the class's answer by number).

import { describe, expect, it } from 'vitest';
import { focusKind, presenterAction, type FocusKind } from './presenterKey';

const press = (key: string, focus: FocusKind = 'other', mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  presenterAction({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods }, focus);

/** Enough of an Element for focusKind: a tag, an input type, the selectors of its ancestors. */
function fakeElement(tag: string, type?: string, ancestors: string[] = []): Element {
  const self = {
    getAttribute: (name: string) => (name === 'type' ? type ?? null : null),
    closest: (selectors: string) => {
      const wanted = selectors.split(',').map((s) => s.trim());
      return wanted.includes(tag) || wanted.some((s) => ancestors.includes(s)) ? self : null;
    },
  };
  return self as unknown as Element;
}

describe('presenterAction', () => {
  it('steps with the arrows, a clicker\'s PageDown/PageUp, Space, N and P; Home and End; leaves with Esc', () => {
    for (const key of ['ArrowRight', 'PageDown', ' ', 'n']) expect(press(key)).toEqual({ kind: 'next' });
    for (const key of ['ArrowLeft', 'PageUp', 'p']) expect(press(key)).toEqual({ kind: 'prev' });
    expect(press('Escape')).toEqual({ kind: 'exit' });
    expect(press('Home')).toEqual({ kind: 'first' });
    expect(press('End')).toEqual({ kind: 'last' });
  });

  it('picks the nth choice with a digit key', () => {
    expect(press('1')).toEqual({ kind: 'choose', nth: 1 });
    expect(press('4')).toEqual({ kind: 'choose', nth: 4 });
    expect(press('0')).toBeNull();
  });

  it('keeps the keys working on a ticked checkbox or a focused button, but leaves Space to them', () => {
    expect(press('ArrowRight', 'control')).toEqual({ kind: 'next' });
    expect(press('2', 'control')).toEqual({ kind: 'choose', nth: 2 });
    expect(press(' ', 'control')).toBeNull();
  });

  it('leaves every key to a field that takes typing, and to shortcuts with a modifier', () => {
    expect(press('ArrowRight', 'typing')).toBeNull();
    expect(press('Escape', 'typing')).toBeNull();
    expect(press('ArrowRight', 'other', { ctrlKey: true })).toBeNull();
    expect(press('p', 'other', { metaKey: true })).toBeNull();
  });
});

describe('focusKind', () => {
  it('a checkbox, a radio and a button are controls; a text field, a textarea, a select and Monaco take typing', () => {
    expect(focusKind(fakeElement('input', 'checkbox'))).toBe('control');
    expect(focusKind(fakeElement('input', 'radio'))).toBe('control');
    expect(focusKind(fakeElement('button'))).toBe('control');
    expect(focusKind(fakeElement('input', 'text'))).toBe('typing');
    expect(focusKind(fakeElement('input'))).toBe('typing');
    expect(focusKind(fakeElement('textarea'))).toBe('typing');
    expect(focusKind(fakeElement('select'))).toBe('typing');
    expect(focusKind(fakeElement('div', undefined, ['.monaco-editor']))).toBe('typing');
    expect(focusKind(fakeElement('div'))).toBe('other');
    expect(focusKind(null)).toBe('other');
  });
});
