'use client';

import { Component, type ReactNode } from 'react';

type Props = { children: ReactNode; resetKey: string };
type State = { error?: string; resetKey: string };

/** Keeps the live preview alive when a body fails while rendering: shows why, and retries on the next edit. */
export class PreviewErrorBoundary extends Component<Props, State> {
  state: State = { resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { resetKey: props.resetKey, error: undefined } : null;
  }

  render() {
    if (this.state.error) {
      return (
        <p role="alert" className="rounded-sm bg-surface p-3 font-sans text-sm text-accent">
          The body could not be shown: {this.state.error}
        </p>
      );
    }
    return this.props.children;
  }
}
