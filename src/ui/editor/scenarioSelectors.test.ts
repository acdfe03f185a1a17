import { describe, expect, it } from 'vitest';
import type { AppState } from '../../state/store';
import { selectContainerNames, selectEngineAnswered } from './scenarioSelectors';

const state = (trace: unknown, rest: Partial<AppState> = {}) => ({ trace, result: null, engineError: null, ...rest }) as unknown as AppState;
const traceOf = (...names: string[]) => ({ containers: names.map((name) => ({ name })) });

describe('the editor\'s store selectors', () => {
  it('names each container once, one per line, and nothing before the first trace', () => {
    expect(selectContainerNames(state(null))).toBe('');
    expect(selectContainerNames(state(traceOf('proxy', 'app', 'proxy')))).toBe('proxy\napp');
  });

  it('follows the trace: a new trace\'s names, the same answer for the same trace', () => {
    const a = traceOf('a');
    expect(selectContainerNames(state(a))).toBe('a');
    expect(selectContainerNames(state(traceOf('b', 'c')))).toBe('b\nc');
    expect(selectContainerNames(state(a))).toBe('a');
    expect(selectContainerNames(state(null))).toBe('');
  });

  it('the engine has answered once there is a result or an error', () => {
    expect(selectEngineAnswered(state(null))).toBe(false);
    expect(selectEngineAnswered(state(null, { engineError: 'x' } as Partial<AppState>))).toBe(true);
  });
});
