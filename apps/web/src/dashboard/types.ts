// The dashboard as dashboard.get answers it.
import type { Api, inferOutput } from '../trpc';

export type Dashboard = inferOutput<Api['dashboard']['get']>;
export type JourneyRow = Dashboard['journeys'][number];
