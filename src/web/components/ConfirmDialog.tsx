// The app's own confirmation, in place of the browser's `window.confirm` (which shows the site's
// address as its title, cannot be styled or translated, and blocks the page): a modal Dialog with
// the question, a confirm button and Hủy. `const { confirm, dialog } = useConfirm()`, render
// `{dialog}`, then `if (!(await confirm(question))) return;`. The question is the dialog's
// description (aria-describedby), so a screen reader reads it with the title.
import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Dialog } from './Dialog';
import { useComponentsT } from './use-components-t';

interface Asked {
  question: string;
  confirmLabel?: string;
  danger?: boolean;
}

export interface ConfirmOptions {
  /** The confirm button's words (default "Đồng ý"). */
  confirmLabel?: string;
  /** A destructive action: the button is red. */
  danger?: boolean;
}

export function useConfirm(): {
  confirm(question: string, options?: ConfirmOptions): Promise<boolean>;
  dialog: ReactNode;
} {
  const t = useComponentsT();
  const [asked, setAsked] = useState<Asked | null>(null);
  const questionId = useId();
  const answer = useRef<((yes: boolean) => void) | null>(null);

  const confirm = useCallback((question: string, options: ConfirmOptions = {}) => {
    answer.current?.(false);
    return new Promise<boolean>((resolve) => {
      answer.current = resolve;
      setAsked({ question, ...options });
    });
  }, []);

  const close = (yes: boolean) => {
    answer.current?.(yes);
    answer.current = null;
    setAsked(null);
  };

  // In <body>, so a confirmation asked from inside a form or an inline element is not nested in it.
  const dialog = asked
    ? createPortal(
        <Dialog
          title={t('confirm.title')}
          submitLabel={asked.confirmLabel ?? t('confirm.yes')}
          danger={asked.danger}
          describedBy={questionId}
          onSubmit={() => close(true)}
          onClose={() => close(false)}
        >
          <p id={questionId} className="dialog-question">
            {asked.question}
          </p>
        </Dialog>,
        document.body,
      )
    : null;
  return { confirm, dialog };
}
