// In the share panel: a presenter link, the same scenario opened straight into presenter mode,
// with a title and a caption the teacher types (`?present&title=&caption=`).

import { useState } from 'react';
import { MAX_CAPTION, MAX_TITLE } from '../../state/present/presentLink';
import { copyText } from './copyText';
import { presenterLink } from './presenterLink';

export function PresenterLinkFields({ link, defaultTitle }: { link: string; defaultTitle: string }) {
  const [title, setTitle] = useState(defaultTitle);
  const [caption, setCaption] = useState('');
  const [copied, setCopied] = useState(false);
  const href = presenterLink(link, title, caption);
  const edit = (set: (v: string) => void) => (v: string) => { set(v); setCopied(false); };
  return (
    <fieldset className="share-present" data-testid="share-present">
      <legend>Presenter link <span className="share-present-hint">opens in presenter mode, step by step</span></legend>
      <label className="share-field">
        <span>Title</span>
        <input data-testid="share-present-title" maxLength={MAX_TITLE} value={title} onChange={(e) => edit(setTitle)(e.currentTarget.value)} />
      </label>
      <label className="share-field">
        <span>Caption</span>
        <textarea data-testid="share-present-caption" rows={2} maxLength={MAX_CAPTION} value={caption} onChange={(e) => edit(setCaption)(e.currentTarget.value)} />
      </label>
      <label className="share-field">
        <span>Presenter link ({href.length} characters)</span>
        <input data-testid="share-present-link" readOnly value={href} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <div className="share-panel-actions">
        <button type="button" data-testid="share-present-copy" onClick={() => void copyText(href).then(setCopied)}>
          {copied ? 'Presenter link copied' : 'Copy presenter link'}
        </button>
      </div>
    </fieldset>
  );
}
