// A modal dialog on the browser's own <dialog>: focus stays inside, Esc closes it. Shared by the
// features' dialogs and by `useConfirm` (ConfirmDialog.tsx), the app's own confirmation.
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';
import './dialog.css';

interface DialogProps {
  title: string;
  onClose(): void;
  onSubmit(): void;
  submitLabel: string;
  busy?: boolean;
  danger?: boolean;
  /** The id of the element that says what the dialog asks (a confirmation's question). */
  describedBy?: string;
  children?: ReactNode;
}

/** Rendered only while open: mounting opens it, unmounting closes it. */
export function Dialog({ title, onClose, onSubmit, submitLabel, busy, danger, describedBy, children }: DialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    // React's events bubble through the component tree, portals too: a dialog opened from inside
    // a form (the plan editor) must not submit that form as well.
    event.stopPropagation();
    if (!busy) onSubmit();
  }

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{title}</h2>
        {children}
        <div className="dialog-actions">
          <button type="submit" className={danger ? 'button button-danger' : 'button button-primary'} disabled={busy}>
            {submitLabel}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose} disabled={busy}>
            {t('action.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
