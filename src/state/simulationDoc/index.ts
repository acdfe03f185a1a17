// The scenario's Simulation document: the one module that reads what the editor's text says
// about the simulation (version, feature gates, events) and edits it there (version picker, gates
// menu, inject buttons, timeline drags and deletes, "Extend until", a link's version and gates).

export { documentRanges, findSimulation, MAX_SIMULATION_DOC_CHARS } from './locate';
export { effectiveVersion, readSimulationSettings, scenarioVersion, type SimulationSettings } from './read';
export { withKubernetesVersion, withVersionBeside } from './version';
export { withFeatureGate } from './gates';
export { formatDuration, withUntil } from './until';
export { addSimEvent, findSimEvent, formatSimEvent, listSimEvents, moveSimEvent, removeSimEvent, type SimEventSpec, type WrittenEvent } from './events';
export { strayGates, strayReason, type StrayGate } from './gateNotes';
export { selectSimulationSettings, selectWrittenVersion } from './selectors';
export { writeSimulationEdit } from './write';
