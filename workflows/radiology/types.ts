import type { ModelCallRequest } from '../../shared/model/request';
import type { CriticalFinding } from '../../shared/radiology/critical';
import type { SectionName } from '../../shared/radiology/report';

export interface RadiologyRun {
  accession: string;
  studyRef: string;
  requestedBy: string;
  ipAddress: string;
  reviewer: string;
  backupReviewer: string;
  residency: string;
}

export interface PreparedDraft {
  /** De-identified: the only form of the study that reaches a model. */
  modelRequest: ModelCallRequest;
  mappingRef: string;
  critical: CriticalFinding[];
  startedAt: string;
}

export interface FinishedDraft {
  draftRef: string;
  draftMs: number;
}

export interface FiledReport {
  files: string[];
  alreadyFiled: boolean;
  signatureKeyId: string;
}

export type Sections = Record<SectionName, string>;
