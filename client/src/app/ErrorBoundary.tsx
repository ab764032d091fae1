import { Component, type ReactNode } from 'react';

/** Last resort: a render error shows a reload hint instead of a blank page (text is bilingual on purpose: i18n may be what failed). */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="problem" role="alert">
        <p>Något gick fel i appen. Ladda om sidan. / Something went wrong in the app. Reload the page.</p>
        <pre>{this.state.error.message}</pre>
      </div>
    );
  }
}
