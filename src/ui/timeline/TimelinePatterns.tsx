// Hatch patterns for the waiting states, so they differ from running ones by texture too.

const HATCHES = [
  { id: 'tl-hatch-waiting', background: '#fde8c2', stroke: '#e69f00' },
  { id: 'tl-hatch-backoff', background: '#f6d5e8', stroke: '#cc79a7' },
];

export function TimelinePatterns() {
  return (
    <defs>
      {HATCHES.map((h) => (
        <pattern key={h.id} id={h.id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill={h.background} />
          <line x1="0" y1="0" x2="0" y2="6" stroke={h.stroke} strokeWidth="2" />
        </pattern>
      ))}
    </defs>
  );
}
