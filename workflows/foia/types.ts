export interface FoiaRun {
  requestId: string;
  /** Blob name inside `foia-inbox`. */
  documentBlob: string;
  documentName: string;
  receivedDate: string;
  requester: string;
  reviewer: string;
  backupReviewer: string;
  residency: string;
  /** FOIA_REDACT_OFFICIALS when the run started; absent in runs started before the setting existed. */
  redactOfficials?: boolean;
  /** The principal that recorded the request (Easy Auth only): never its reviewer. */
  recordedBy?: string;
}

export type Extraction =
  | { rejected: string }
  | { rejected?: undefined; pages: number; characters: number; chunks: number; deadline: string };
