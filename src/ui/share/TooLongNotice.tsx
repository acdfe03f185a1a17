// In the share panel: the link is too long to open, what makes it big, and the lighter link.

import type { ShareCheck } from './shareCheck';

export function TooLongNotice({ check, onShareLighter }: { check: Extract<ShareCheck, { ok: false }>; onShareLighter: (link: string) => void }) {
  return (
    <div className="share-too-long" role="alert" data-testid="share-too-long">
      <p>{check.message}</p>
      {check.lighter && (
        <button type="button" data-testid="share-lighter" onClick={() => onShareLighter(check.lighter!.link)}>
          {check.lighter.label}
        </button>
      )}
    </div>
  );
}
