/** Per-node counters of one published version, shown on the canvas. */
export interface NodeStats {
  /** Runs that reached the node. */
  entered: number;
  /** Runs sleeping or waiting for an event in it now. */
  waiting: number;
  /** Runs that left it, by branch id. */
  branches: Record<string, number>;
  /** Runs that failed in it. */
  failed: number;
  /** Runs that ended in it (exit node, goal, or an unconnected branch). */
  exited: number;
  /** Node-type counters (see NodeTypeDefinition.counters): emails sent, points granted. */
  counters: Record<string, number>;
}

export interface JourneyStats {
  versionId: string;
  totals: {
    entered: number; active: number; completed: number; failed: number;
    /** Runs that reached the journey's goal, and the revenue of those goal events. */
    converted: number; revenue: number;
  };
  nodes: Record<string, NodeStats>;
}
