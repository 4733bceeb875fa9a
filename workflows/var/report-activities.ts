import { putBlob } from '../../shared/storage/blobs';
import { sha256 } from '../../shared/storage/sha256';
import { renderVarReportHtml } from '../../shared/var/report';
import { renderVarReportPdf } from '../../shared/var/report-pdf';
import type { VarReviewDraft } from '../../shared/var/review-view';
import { type VarDeps, varActivitySupport } from './activity-support';
import type { VarRun } from './types';

/** The draft for review, the published report and the desk's alerts. */
export function createVarReportActivities(deps: VarDeps) {
  const { iso, readFacts, notify } = varActivitySupport(deps);
  return {
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
      await putBlob(
        deps.reports,
        `draft/var/${run.date}.html`,
        renderVarReportHtml(facts, narrative, flags),
        'text/html',
      );
      await putBlob(
        deps.reports,
        `draft/var/${run.date}.pdf`,
        await renderVarReportPdf(facts, narrative, flags),
        'application/pdf',
      );
      const draft: VarReviewDraft = { date: run.date, facts, narrative, flags };
      const ref = `var/${run.date}-round-${round}.json`;
      await deps.drafts.createIfNotExists();
      await putBlob(deps.drafts, ref, JSON.stringify(draft), 'application/json');
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
      const wroteHtml = await putBlob(deps.reports, names[0]!, html, 'text/html', true);
      const wrotePdf = await putBlob(deps.reports, names[1]!, pdf, 'application/pdf', true);
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
            { name: `reports/${names[0]}`, sha256: sha256(html) },
            { name: `reports/${names[1]}`, sha256: sha256(pdf) },
          ],
        });
      }
      return names.map((n) => `reports/${n}`);
    },
  };
}
