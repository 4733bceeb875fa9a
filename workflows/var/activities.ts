import { createHash } from 'node:crypto';
import type { ContainerClient } from '@azure/storage-blob';
import type { AuditSink } from '../../shared/audit/records';
import type { Notifier } from '../../shared/review/notifier';
import { previousBusinessDay } from '../../shared/var/calendar';
import type { PreviousDay } from '../../shared/var/change';
import { computeFactsSheet, type FactsSheet } from '../../shared/var/facts';
import { checkNarrativeGrounding } from '../../shared/var/grounding';
import { loadLake } from '../../shared/var/lake';
import { blobLake } from '../../shared/var/lake-files';
import { buildNarrativePrompt, templateNarrative } from '../../shared/var/narrative';
import { renderVarReportHtml } from '../../shared/var/report';
import { renderVarReportPdf } from '../../shared/var/report-pdf';
import type { VarReviewDraft } from '../../shared/var/review-view';
import type { FactsSummary, NarrativeCheck, VarRun } from './types';

export interface VarDeps {
  lake: ContainerClient;
  reports: ContainerClient;
  drafts: ContainerClient;
  audit: AuditSink;
  notifier: Notifier;
  now?: () => number;
}

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

async function put(
  c: ContainerClient,
  name: string,
  data: string | Buffer,
  type: string,
  once = false,
): Promise<boolean> {
  const body = typeof data === 'string' ? Buffer.from(data) : data;
  try {
    await c.getBlockBlobClient(name).upload(body, body.length, {
      blobHTTPHeaders: { blobContentType: type },
      conditions: once ? { ifNoneMatch: '*' } : undefined,
    });
    return true;
  } catch (error) {
    if (once && (error as { statusCode?: number }).statusCode === 409) return false;
    throw error;
  }
}

export function createVarActivities(deps: VarDeps) {
  const iso = () => new Date((deps.now ?? Date.now)()).toISOString();
  const factsName = (date: string) => `draft/var/${date}.facts.json`;
  const readFacts = async (date: string) =>
    JSON.parse(
      (await deps.reports.getBlockBlobClient(factsName(date)).downloadToBuffer()).toString('utf8'),
    ) as FactsSheet;
  const notify = (run: VarRun, instanceId: string, to: string, kind: string, title: string) =>
    deps.notifier.send({ kind, to, pipeline: 'var', subjectId: run.date, instanceId, title, at: iso() });

  return {
    async checkVarData({ date }: { date: string }): Promise<boolean> {
      const files = blobLake(deps.lake);
      return (
        (await files.read(`marketdata/${date}/prices.csv`)) !== undefined &&
        (await files.read(`positions/${date}.csv`)) !== undefined
      );
    },

    async computeVarFacts({ run }: { run: VarRun; instanceId: string }): Promise<FactsSummary> {
      const lake = (await loadLake(blobLake(deps.lake), run.date))!;
      const previousDate = previousBusinessDay(run.date, run.holidays ?? []);
      const prior = await readFacts(previousDate).catch((error: { statusCode?: number }) => {
        if (error.statusCode === 404) return undefined;
        throw error;
      });
      // Facts written before contributions were stored cannot be attributed consistently: no change then.
      const comparable = prior?.byInstrument.every((x) => typeof x.contributionVar99 === 'number');
      const previous: PreviousDay | undefined =
        prior && comparable
          ? {
              date: previousDate,
              method: prior.var.method,
              var99: prior.var.var99,
              contributions: Object.fromEntries(prior.byInstrument.map((x) => [x.ticker, x.contributionVar99])),
            }
          : undefined;
      const facts = computeFactsSheet(lake, run.date, { previous });
      await deps.reports.createIfNotExists();
      await put(deps.reports, factsName(run.date), JSON.stringify(facts), 'application/json');
      const flags: string[] = [];
      if (facts.backtest.zone === 'red')
        flags.push('Basel red zone: the VaR model failed its backtest; publication needs explicit approval.');
      if (facts.firm.breach) flags.push('Firm VaR limit breached.');
      for (const d of facts.byDesk.filter((x) => x.breach)) flags.push(`Desk limit breached: ${d.desk}.`);
      return { var99: facts.var.var99, zone: facts.backtest.zone, flags };
    },

    async buildVarNarrativeRequest({
      run,
      instanceId,
      comments,
      attempt,
      round,
    }: {
      run: VarRun;
      instanceId: string;
      comments: string[];
      attempt: number;
      round: number;
    }) {
      const facts = await readFacts(run.date);
      return {
        pipeline: 'var',
        deployment: 'var-narrative',
        messages: buildNarrativePrompt(facts, comments),
        dataClassification: 'confidential',
        residency: run.residency,
        userId: run.requestedBy,
        ipAddress: '127.0.0.1',
        requestId: `${instanceId}:narrative:${round}:${attempt}`,
        instanceId,
      };
    },

    async checkVarNarrative({ run, narrative }: { run: VarRun; narrative: string }): Promise<NarrativeCheck> {
      const facts = await readFacts(run.date);
      const grounding = checkNarrativeGrounding(narrative, facts);
      return {
        grounded: grounding.grounded,
        unmatched: grounding.unmatched,
        narrative: grounding.grounded ? narrative : templateNarrative(facts),
      };
    },

    async renderVarDraft({
      run,
      narrative,
      flags,
      round,
    }: {
      run: VarRun;
      narrative: string;
      flags: string[];
      round: number;
    }): Promise<string> {
      const facts = await readFacts(run.date);
      await put(deps.reports, `draft/var/${run.date}.html`, renderVarReportHtml(facts, narrative, flags), 'text/html');
      await put(
        deps.reports,
        `draft/var/${run.date}.pdf`,
        await renderVarReportPdf(facts, narrative, flags),
        'application/pdf',
      );
      const draft: VarReviewDraft = { date: run.date, facts, narrative, flags };
      const ref = `var/${run.date}-round-${round}.json`;
      await deps.drafts.createIfNotExists();
      await put(deps.drafts, ref, JSON.stringify(draft), 'application/json');
      return ref;
    },

    async publishVarReport({
      run,
      instanceId,
      narrative,
      flags,
      approvedBy,
    }: {
      run: VarRun;
      instanceId: string;
      narrative: string;
      flags: string[];
      approvedBy: string;
    }): Promise<string[]> {
      const facts = await readFacts(run.date);
      const html = renderVarReportHtml(facts, narrative, flags);
      const pdf = await renderVarReportPdf(facts, narrative, flags);
      const names = [`published/var/${run.date}.html`, `published/var/${run.date}.pdf`];
      const wroteHtml = await put(deps.reports, names[0]!, html, 'text/html', true);
      const wrotePdf = await put(deps.reports, names[1]!, pdf, 'application/pdf', true);
      if (wroteHtml || wrotePdf) {
        for (const to of run.executives)
          await notify(run, instanceId, to, 'report-published', `VaR report ${run.date} published`);
        await deps.audit.append({
          kind: 'pipeline',
          timestamp: iso(),
          event: 'published',
          pipeline: 'var',
          instanceId,
          subjectId: run.date,
          actor: approvedBy,
          artifacts: [
            { name: `reports/${names[0]}`, sha256: sha(html) },
            { name: `reports/${names[1]}`, sha256: sha(pdf) },
          ],
        });
      }
      return names.map((n) => `reports/${n}`);
    },

    async alertVar({
      run,
      instanceId,
      kind,
    }: {
      run: VarRun;
      instanceId: string;
      kind: 'ready-for-review' | 'market-data-missing';
    }): Promise<void> {
      const title =
        kind === 'ready-for-review'
          ? `VaR report ready for review (${run.date})`
          : `Market data missing for ${run.date}: no VaR report today`;
      await notify(run, instanceId, run.reviewer, kind, title);
      if (kind === 'market-data-missing') {
        await deps.audit.append({
          kind: 'pipeline',
          timestamp: iso(),
          event: 'failed',
          pipeline: 'var',
          instanceId,
          subjectId: run.date,
          actor: 'system',
          detail: 'market data missing at cutoff',
        });
      }
    },
  };
}
