import assert from 'node:assert/strict';
import { test } from 'node:test';
import { functionsList } from '../../cli/functions-list';

test("the Functions: block has Core Tools' shape: HTTP first with methods and URL, then trigger types, disabled last", () => {
  const functions = [
    { name: 'varDaily', triggerType: 'timerTrigger' },
    { name: 'health', triggerType: 'httpTrigger' },
    { name: 'foiaOrchestrator', triggerType: 'orchestrationTrigger' },
    { name: 'callModel', triggerType: 'activityTrigger' },
    { name: 'radiologyInbox', triggerType: 'blobTrigger' },
    { name: 'old', triggerType: 'queueTrigger' },
  ];
  const rows = [
    { name: 'health', trigger: 'http', detail: '[GET] http://localhost:7071/api/health' },
    { name: 'old', trigger: 'queue', detail: '(disabled)' },
  ];
  assert.deepEqual(functionsList(functions, rows), [
    '',
    'Functions:',
    '',
    '\thealth: [GET] http://localhost:7071/api/health',
    '',
    '\tvarDaily: timerTrigger',
    '',
    '\tfoiaOrchestrator: orchestrationTrigger',
    '',
    '\tcallModel: activityTrigger',
    '',
    '\tradiologyInbox: blobTrigger',
    '',
    'Function old is disabled.',
  ]);
});
