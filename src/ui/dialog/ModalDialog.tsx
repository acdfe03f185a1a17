// A modal <dialog> driven by React state: shown with showModal() while `open`, closed by Escape
// (taken here, before the page's shortcuts see it), by a click on the backdrop or by the
// dialog's own close; focus goes to `initialFocus` on opening and back to `returnFocus` after.
// The gallery, the history and the kubectl -w transcript are all this one dialog.

import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import './dialog.css';

export interface ModalDialogProps {
  open: boolean;
  onClose: () => void;
  /** The button that opened the dialog: it gets the focus back. */
  returnFocus: RefObject<HTMLElement | null>;
  /** A selector inside the dialog for what takes the focus when it opens (the first match). */
  initialFocus: string;
  /** Called just before the dialog is shown. */
  onShow?: () => void;
  className: string;
  testId: string;
  labelledBy: string;
  children: ReactNode;
}

export function ModalDialog({ open, onClose, returnFocus, initialFocus, onShow, className, testId, labelledBy, children }: ModalDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialogRef.current;
    if (!d) return;
    if (open && !d.open) {
      onShow?.();
      d.showModal();
      d.querySelector<HTMLElement>(initialFocus)?.focus();
    } else if (!open && d.open) {
      d.close();
    }
    // onShow and initialFocus are read at the moment of opening only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      className={className}
      data-testid={testId}
      aria-labelledby={labelledBy}
      onClose={() => {
        onClose();
        returnFocus.current?.focus();
      }}
      onClick={(e) => {
        if (e.target === dialogRef.current) onClose();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}

export interface DrawerHeaderProps {
  titleId: string;
  title: string;
  closeLabel: string;
  onClose: () => void;
}

/** A drawer's sticky title row with its × button (class `drawer-close`, focusable by `initialFocus`). */
export function DrawerHeader({ titleId, title, closeLabel, onClose }: DrawerHeaderProps) {
  return (
    <div className="drawer-header">
      <h2 id={titleId}>{title}</h2>
      <button type="button" className="drawer-close" aria-label={closeLabel} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
