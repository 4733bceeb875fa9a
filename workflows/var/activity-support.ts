import type { ContainerClient } from '@azure/storage-blob';
import type { AuditSink } from '../../shared/audit/records';
import { stampTime } from '../../shared/clock';
import type { Notifier } from '../../shared/review/notifier';
import { readJson } from '../../shared/storage/blobs';
import type { FactsSheet } from '../../shared/var/facts';
import type { VarRun } from './types';

export interface VarDeps {
  lake: ContainerClient;
  reports: ContainerClient;
  drafts: ContainerClient;
  audit: AuditSink;
  notifier: Notifier;
  now?: () => number;
}

/** What every VaR activity reads and writes through. */
export function varActivitySupport(deps: VarDeps) {
  const iso = stampTime(deps);
  const factsName = (date: string) => `draft/var/${date}.facts.json`;
  const readFacts = (date: string) => readJson<FactsSheet>(deps.reports, factsName(date));
  const notify = (run: VarRun, instanceId: string, to: string, kind: string, title: string) =>
    deps.notifier.send({ kind, to, pipeline: 'var', subjectId: run.date, instanceId, title, at: iso() });

  return { iso, factsName, readFacts, notify };
}
