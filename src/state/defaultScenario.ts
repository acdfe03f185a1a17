// The scenario the page opens on when nothing was saved.
import text from '../scenarios/00-default.yaml?raw';

export const DEFAULT_SCENARIO: string = text;
