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
}

export type Extraction =
  | { rejected: string }
  | { rejected?: undefined; pages: number; characters: number; deadline: string };
