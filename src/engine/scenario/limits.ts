// Limits that keep hostile or accidental input from hurting the editor, the worker or the CLI
// (the parser runs on every keystroke).

/** Longest scenario text the parser looks at; longer text is refused without parsing. */
export const MAX_TEXT_CHARS = 2_000_000;

/** Deepest nesting of YAML collections accepted (a pod manifest needs about 12). */
export const MAX_DEPTH = 100;

/** A scenario holds the workload and at most one Simulation document. */
export const MAX_DOCUMENTS = 2;

/** Passed to yaml's toJS as maxAliasCount: alias expansions allowed before we call it a bomb. */
export const MAX_ALIAS_COUNT = 100;

/** Nodes that alias expansion may add while we walk a document. */
export const MAX_ALIAS_NODES = 100_000;

/** Containers (init + main) the simulator accepts in one pod. */
export const MAX_CONTAINERS = 500;

/** Events the Simulation document may list. */
export const MAX_EVENTS = 10_000;

/** Entries of a container's `runs:` list. */
export const MAX_RUNS = 1_000;

/** Longest duration accepted anywhere, in seconds (a simulated year). */
export const MAX_DURATION_SECONDS = 366 * 24 * 3600;

/**
 * Trace events one run may write. A scenario past it (hundreds of containers crash-looping for
 * days) stops there with a warning instead of keeping the engine busy for minutes and the
 * timeline drawing millions of marks. Legitimate teaching scenarios write a few thousand.
 */
export const MAX_TRACE_EVENTS = 50_000;

/** Kernel steps one run may take (a guard behind the event budget: steps that write nothing). */
export const MAX_KERNEL_STEPS = 2_000_000;

/** The longest runtime message `startError` takes ([3.5]; a real one is a line or two). */
export const MAX_START_ERROR_CHARS = 1000;
/** The longest failPull `message` accepted, in characters (the runtime's error, as for startError). */
export const MAX_PULL_ERROR_CHARS = MAX_START_ERROR_CHARS;
/** The largest `imageSize` accepted, in bytes (1 TB: more than any image a registry serves). */
export const MAX_IMAGE_SIZE_BYTES = 1e12;
