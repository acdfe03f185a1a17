// The panels under the timeline (the selection, the containers table, the events at the cursor):
// the first frame does not show them (issue 16), so they are one chunk of their own, asked for
// once that frame, with its lanes, is painted (App's lazyPart). They sit below the timeline, so
// nothing above them moves when they come.

import { ContainersPanel } from './ContainersPanel';
import { EventsPanel } from './EventsPanel';
import { SelectionPanel } from './SelectionPanel';

export function UnderTimeline() {
  return (
    <>
      <SelectionPanel />
      <ContainersPanel />
      <EventsPanel />
    </>
  );
}
