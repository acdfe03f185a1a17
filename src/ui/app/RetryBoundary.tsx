// An error boundary that tries again when its input changes: while the input is the same, the
// failure stays (drawing the same state would fail again); a new text, answer or problem list
// clears it and draws the children again. The panes (PaneBoundary.tsx) and the editor
// (editor/EditorLoadBoundary.tsx) each give it what to show in their place.

import { Component, type ReactNode } from 'react';
import { failureMessage } from './failureMessage';

interface Props {
  /** What the children draw from; a change to any of them clears a failure (compared item by item). */
  input: readonly unknown[];
  /** What stands in the children's place after a failure, given the error's message. */
  fallback: (failure: string) => ReactNode;
  children: ReactNode;
}

interface State {
  failure: string | null;
  input: readonly unknown[];
}

/** Whether two inputs hold the same items, in order. */
export const sameItems = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

export class RetryBoundary extends Component<Props, State> {
  override state: State = { failure: null, input: this.props.input };

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return sameItems(props.input, state.input) ? null : { failure: null, input: props.input };
  }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failure: failureMessage(error) };
  }

  override render(): ReactNode {
    return this.state.failure === null ? this.props.children : this.props.fallback(this.state.failure);
  }
}
