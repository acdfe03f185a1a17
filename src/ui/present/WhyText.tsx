// A why as presenter mode shows it: the engine writes names of commands and fields between
// backticks (`kubectl get pod`), drawn here as code rather than as literal backticks on the
// projector. Text only: every part is a React text node.

export function WhyText({ text }: { text: string }) {
  const parts = text.split('`');
  // An odd number of backticks has no pairs to trust: shown as written.
  if (parts.length % 2 === 0) return <>{text}</>;
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
