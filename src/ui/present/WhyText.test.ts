// The presenter's why: backtick pairs become code, anything else stays text.

import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { WhyText } from './WhyText';

/** The fragment's children as [kind, text] pairs. */
function parts(text: string): [string, string][] {
  const fragment = WhyText({ text }) as ReactElement<{ children: ReactNode }>;
  const children = ([] as ReactNode[]).concat(fragment.props.children);
  return children.map((c) => (isValidElement<{ children: string }>(c) ? [String(c.type), c.props.children] : ['text', String(c)]));
}

describe('WhyText', () => {
  it('draws each backtick pair as code, the rest as text', () => {
    expect(parts('[14.1] What `kubectl get pod` prints now: `READY`.')).toEqual([
      ['text', '[14.1] What '], ['code', 'kubectl get pod'], ['text', ' prints now: '], ['code', 'READY'], ['text', '.'],
    ]);
  });

  it('leaves a why without backticks, or with an unpaired one, as written', () => {
    expect(parts('[8.4] istio-proxy\'s turn.')).toEqual([['text', '[8.4] istio-proxy\'s turn.']]);
    expect(parts('a lone ` backtick')).toEqual([['text', 'a lone ` backtick']]);
  });
});
