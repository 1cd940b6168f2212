// The shapes the Reviews page works with, as the API answers them.
import type { Api, inferInput, inferOutput } from '../trpc';

export type Review = inferOutput<Api['reviews']['list']>['items'][number];
export type ReviewFilter = Omit<NonNullable<inferInput<Api['reviews']['list']>>, 'cursor'>;
