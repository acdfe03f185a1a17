// The props of the timeline's parts that load after the first frame (Timeline.tsx), taken from
// the components themselves so a change there is a type error here, not a silent mismatch.

import type { ComponentProps } from 'react';
import type { CausalityOverlay } from './CausalityOverlay';
import type { FaultHandles } from './FaultHandles';
import type { ObservedBoundary } from './ObservedBoundary';
import type { PodLabels } from './PodLabels';
import type { PodPicker } from './PodPicker';

export type CausalityOverlayProps = ComponentProps<typeof CausalityOverlay>;
export type FaultHandlesProps = ComponentProps<typeof FaultHandles>;
export type ObservedBoundaryProps = ComponentProps<typeof ObservedBoundary>;
export type PodPickerProps = ComponentProps<typeof PodPicker>;
export type PodLabelsProps = ComponentProps<typeof PodLabels>;
