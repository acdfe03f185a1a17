// Hatch patterns for the waiting states, so they differ from running ones by texture too. The
// colours come from the theme's CSS custom properties.

const HATCHES = ['waiting', 'backoff', 'cond-false'];

export function TimelinePatterns() {
  return (
    <defs>
      {HATCHES.map((h) => (
        <pattern key={h} id={`tl-hatch-${h}`} className={`hatch-${h}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect className="hatch-bg" width="6" height="6" />
          <line className="hatch-line" x1="0" y1="0" x2="0" y2="6" strokeWidth="2" />
        </pattern>
      ))}
    </defs>
  );
}
