// Whether a component is drawn inside a pane's boundary (PaneBoundary.tsx): a lazily loaded
// part there that throws while drawing hands its error to the pane, which tries again at the
// next input, instead of keeping its stand-in until a reload (PartLoadBoundary.tsx).

import { createContext } from 'react';

export const InsidePane = createContext(false);
