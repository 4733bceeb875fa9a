import type { ModelCallRequest } from '../../shared/model/request';
import { putBlob } from '../../shared/storage/blobs';
import { previousBusinessDay } from '../../shared/var/calendar';
import type { PreviousDay } from '../../shared/var/change';
import { computeFactsSheet } from '../../shared/var/facts';
import { checkNarrativeGrounding } from '../../shared/var/grounding';
import { loadLake } from '../../shared/var/lake';
import { blobLake } from '../../shared/var/lake-files';
import { buildNarrativePrompt, narrativeRequest, templateNarrative } from '../../shared/var/narrative';
import { type VarDeps, varActivitySupport } from './activity-support';
import type { FactsSummary, NarrativeCheck, VarRun } from './types';

/** The day's data, its figures and the checked narrative. */
export function createVarFactActivities(deps: VarDeps) {
  const { factsName, readFacts } = varActivitySupport(deps);
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
      await putBlob(deps.reports, factsName(run.date), JSON.stringify(facts), 'application/json');
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
    }): Promise<ModelCallRequest> {
      const facts = await readFacts(run.date);
      return narrativeRequest(buildNarrativePrompt(facts, comments), {
        residency: run.residency,
        userId: run.requestedBy,
        ipAddress: '127.0.0.1',
        requestId: `${instanceId}:narrative:${round}:${attempt}`,
        instanceId,
      });
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
  };
}
