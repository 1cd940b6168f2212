// Undo/redo over whole graph snapshots (graphs are small; snapshots make every gesture,
// including multi-node deletes, undo as one step).
import type { JourneyGraph } from '@afterglow/journey-core';

export interface HistoryState {
  present: JourneyGraph;
  past: JourneyGraph[];
  future: JourneyGraph[];
  /** The last recorded edit, so typing into one field undoes as one step. */
  lastEdit: { key: string; at: number } | null;
}

export type HistoryAction =
  | { type: 'apply'; next: JourneyGraph; coalesceKey?: string; at: number }
  /** Replace without recording (live drag); a later 'checkpoint' records the gesture. */
  | { type: 'preview'; next: JourneyGraph }
  | { type: 'checkpoint'; before: JourneyGraph }
  | { type: 'undo' }
  | { type: 'redo' };

const LIMIT = 200;
const COALESCE_MS = 1000;

export const initialHistory = (graph: JourneyGraph): HistoryState => ({ present: graph, past: [], future: [], lastEdit: null });

export function historyReducer(state: HistoryState, action: HistoryAction): HistoryState {
  switch (action.type) {
    case 'apply': {
      if (action.next === state.present) return state;
      const coalesce = action.coalesceKey !== undefined && state.lastEdit?.key === action.coalesceKey
        && action.at - state.lastEdit.at < COALESCE_MS;
      return {
        present: action.next,
        past: coalesce ? state.past : [...state.past, state.present].slice(-LIMIT),
        future: [],
        lastEdit: action.coalesceKey ? { key: action.coalesceKey, at: action.at } : null,
      };
    }
    case 'preview':
      return { ...state, present: action.next };
    case 'checkpoint':
      if (action.before === state.present) return state;
      return { ...state, past: [...state.past, action.before].slice(-LIMIT), future: [], lastEdit: null };
    case 'undo': {
      const previous = state.past.at(-1);
      if (!previous) return state;
      return { present: previous, past: state.past.slice(0, -1), future: [state.present, ...state.future], lastEdit: null };
    }
    case 'redo': {
      const [next, ...rest] = state.future;
      if (!next) return state;
      return { present: next, past: [...state.past, state.present], future: rest, lastEdit: null };
    }
  }
}
