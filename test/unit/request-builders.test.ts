import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { buildRedactionPrompt, redactionRequest } from '../../shared/foia/model-layer';
import { modelCallRequestSchema } from '../../shared/model/request';
import { buildDraftPrompt, draftRequest } from '../../shared/radiology/prompt';
import { narrativeRequest } from '../../shared/var/narrative';
import { repoRoot } from '../support/app-host';

const origin = { residency: 'data-zone:eu', userId: 'pacs@hospital.example', requestId: 'r-1', instanceId: 'i-1' };

test('each pipeline builds its model request in one place: deployment, data class and safety context are fixed', () => {
  const study = { examination: 'CT chest', findings: [], impressionHints: [] } as never;
  const draft = modelCallRequestSchema.parse(draftRequest(buildDraftPrompt(study), origin));
  assert.deepEqual(
    [draft.pipeline, draft.deployment, draft.dataClassification, draft.safetyContext, draft.residency, draft.userId],
    ['radiology', 'radiology-draft', 'phi', { clinical: true }, 'data-zone:eu', 'pacs@hospital.example'],
  );
  const chunk = modelCallRequestSchema.parse(redactionRequest(buildRedactionPrompt('a memo'), origin));
  assert.deepEqual(
    [chunk.pipeline, chunk.deployment, chunk.dataClassification, chunk.safetyContext, chunk.requestId],
    ['foia', 'foia-redact', 'pii', { legal: true }, 'r-1'],
  );
  const narrative = modelCallRequestSchema.parse(narrativeRequest([{ role: 'user', content: 'facts' }], origin));
  assert.deepEqual(
    [narrative.pipeline, narrative.deployment, narrative.dataClassification, narrative.instanceId],
    ['var', 'var-narrative', 'confidential', 'i-1'],
  );
});

test('no CLI command or workflow spells a radiology, FOIA or VaR model request out again', () => {
  const hits = execFileSync(
    'git',
    [
      'grep',
      '-l',
      "deployment: '\\(radiology-draft\\|foia-redact\\|var-narrative\\)'",
      '--',
      'cli',
      'workflows',
      'functions',
      'shared',
    ],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    },
  )
    .trim()
    .split('\n');
  assert.deepEqual(hits.sort(), [
    'shared/foia/model-layer.ts',
    'shared/radiology/prompt.ts',
    'shared/var/narrative.ts',
  ]);
});
