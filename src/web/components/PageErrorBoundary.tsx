// A page whose code fails to arrive (flaky 3G, or a new version deployed meanwhile) or that
// crashes shows a message with a reload button instead of a blank screen.
import { Component, type ReactNode } from 'react';

interface Props {
  /** Changing it (the address) clears the error, so the menu still works after a failure. */
  resetKey: string;
  message: string;
  reloadLabel: string;
  children: ReactNode;
}

export class PageErrorBoundary extends Component<Props, { failed: boolean; key: string }> {
  override state = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError(): Partial<{ failed: boolean }> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: { failed: boolean; key: string }) {
    return props.resetKey === state.key ? null : { failed: false, key: props.resetKey };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="notice notice-error" role="alert">
        <p>{this.props.message}</p>
        <button type="button" className="button button-secondary" onClick={() => window.location.reload()}>
          {this.props.reloadLabel}
        </button>
      </div>
    );
  }
}
