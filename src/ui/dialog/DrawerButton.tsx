// A header button that opens a drawer (the Gallery, History): the button says whether its drawer
// is open, the drawer is the one modal dialog (ModalDialog) with its header and close button, and
// closing gives the focus back to the button.

import { useRef, useState, type ReactNode } from 'react';
import { DrawerHeader, ModalDialog } from './ModalDialog';

export interface DrawerButtonProps {
  /** The button's text. */
  label: string;
  buttonTestId: string;
  /** Called just before the drawer opens. */
  onOpen?: () => void;
  drawer: {
    testId: string;
    className: string;
    titleId: string;
    title: string;
    closeLabel: string;
    /** A selector for what takes the focus when it opens. */
    initialFocus: string;
  };
  /** The drawer's content under its header, built only while it is open; `close` closes it. */
  children: (close: () => void) => ReactNode;
}

export function DrawerButton({ label, buttonTestId, onOpen, drawer, children }: DrawerButtonProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = () => setOpen(false);
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="header-button"
        data-testid={buttonTestId}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => {
          onOpen?.();
          setOpen(true);
        }}
      >
        {label}
      </button>
      <ModalDialog
        open={open}
        onClose={close}
        returnFocus={buttonRef}
        initialFocus={drawer.initialFocus}
        className={drawer.className}
        testId={drawer.testId}
        labelledBy={drawer.titleId}
      >
        <DrawerHeader titleId={drawer.titleId} title={drawer.title} closeLabel={drawer.closeLabel} onClose={close} />
        {open && children(close)}
      </ModalDialog>
    </>
  );
}
