// The share button (contract: data-testid="share"): copies the link of what the app shows now
// and opens a small panel with the link (to copy by hand when the clipboard is refused) and the
// snippet that embeds the timeline in another page, and a presenter link with a title and caption.

import { useEffect, useId, useRef, useState } from 'react';
import { appStore } from '../../state/appStore';
import { copyText } from './copyText';
import { embedSnippet } from './embedSnippet';
import { checkShare, type ShareCheck } from './shareCheck';
import { PresenterLinkFields } from './PresenterLinkFields';
import { TooLongNotice } from './TooLongNotice';
import './share.css';

type CopyState = 'idle' | 'copied' | 'failed';

export function ShareButton() {
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState('');
  const [copy, setCopy] = useState<CopyState>('idle');
  const [snippetCopied, setSnippetCopied] = useState(false);
  const [check, setCheck] = useState<ShareCheck | null>(null);
  const panelId = useId();
  const fieldRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  const copyLink = async (href: string) => {
    setLink(href);
    setCopy((await copyText(href)) ? 'copied' : 'failed');
  };

  const share = async () => {
    const checked = checkShare(appStore.getState(), location.href);
    setCheck(checked);
    setOpen(true);
    setSnippetCopied(false);
    if (checked.ok) {
      await copyLink(checked.link);
    } else {
      setLink('');
      setCopy('idle');
    }
  };

  useEffect(() => {
    if (copy === 'failed') fieldRef.current?.select();
  }, [copy, link]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    // Escape closes the panel wherever the focus is (the button keeps it after a click); taken
    // in the capture phase so the page's shortcuts do not act on it too.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('mousedown', onDown);
    window.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('mousedown', onDown);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const full = check?.ok === true;
  const snippet = full ? embedSnippet(appStore.getState(), location.href) : '';

  return (
    <div className="share">
      <button
        ref={buttonRef}
        type="button"
        className="share-button"
        data-testid="share"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => void share()}
      >
        Share
      </button>
      <span className="share-status" role="status" aria-live="polite" data-testid="share-status">
        {copy === 'copied' ? 'Copied' : ''}
      </span>
      {open && (
        <div
          ref={panelRef}
          id={panelId}
          className="share-panel"
          role="dialog"
          aria-label="Share this scenario"
        >
          {check && !check.ok && <TooLongNotice check={check} onShareLighter={(href) => void copyLink(href)} />}
          {link && (
            <>
              <p className="share-panel-title">
                {copy === 'copied' ? 'Copied the link to this scenario.' : copy === 'failed' ? 'Copy this link to share the scenario:' : 'Copying…'}
              </p>
              <label className="share-field">
                <span>Link ({link.length} characters)</span>
                <input ref={fieldRef} data-testid="share-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
              </label>
            </>
          )}
          {link && <PresenterLinkFields link={link} defaultTitle={appStore.getState().podName ?? ''} />}
          {full && (
            <label className="share-field">
              <span>Embed the timeline in a page</span>
              <textarea data-testid="share-embed" readOnly rows={3} value={snippet} onFocus={(e) => e.currentTarget.select()} />
            </label>
          )}
          <div className="share-panel-actions">
            {full && (
              <button type="button" onClick={() => void copyText(snippet).then(setSnippetCopied)}>
                {snippetCopied ? 'Snippet copied' : 'Copy snippet'}
              </button>
            )}
            <button type="button" onClick={close}>Close</button>
          </div>
        </div>
      )}
    </div>
  );
}
