// The report as journeys.report answers it.
import type { Api, inferOutput } from '../../trpc';

export type JourneyReport = inferOutput<Api['journeys']['report']>;
export type Experiment = JourneyReport['experiments'][number];
