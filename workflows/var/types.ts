export interface VarRun {
  date: string;
  /** When waiting for the day's market data stops (ISO). */
  cutoffAt: string;
  pollMs: number;
  /** The desk's holidays (YYYY-MM-DD): the previous business day for the day-over-day change skips them. */
  holidays?: string[];
  reviewer: string;
  backupReviewer: string;
  executives: string[];
  residency: string;
  requestedBy: string;
}

export interface FactsSummary {
  var99: number;
  zone: 'green' | 'yellow' | 'red';
  flags: string[];
}

export interface NarrativeCheck {
  grounded: boolean;
  unmatched: string[];
  /** The text to use: the model's when grounded, else the template's. */
  narrative: string;
}
