// Where the page keeps the user's scenario text (localStorage): its own module, so the page's tiny
// entry (main.tsx) can look without loading persistence.
export const SCENARIO_KEY = 'sidecar-lab:scenario';
