import type { DurableHostServices } from './contract';

export const WEBHOOK = '/runtime/webhooks/durabletask';
export const RPC = '/durabletask';

/** The `durableClient` binding value the extension gives the app (devhost-protocol.md §e). */
export function clientBindingData(services: Pick<DurableHostServices, 'origin' | 'hubName' | 'systemKey'>) {
  const base = `${services.origin}${WEBHOOK}`;
  const query = `taskHub=${services.hubName}&connection=Storage&code=${services.systemKey}`;
  const instance = `${base}/instances/INSTANCEID`;
  return {
    taskHubName: services.hubName,
    creationUrls: {
      createNewInstancePostUri: `${base}/orchestrators/{functionName}[/{instanceId}]?code=${services.systemKey}`,
      createAndWaitOnNewInstancePostUri: `${base}/orchestrators/{functionName}[/{instanceId}]?timeout={timeoutInSeconds}&pollingInterval={intervalInSeconds}&code=${services.systemKey}`,
    },
    managementUrls: {
      id: 'INSTANCEID',
      statusQueryGetUri: `${instance}?${query}`,
      sendEventPostUri: `${instance}/raiseEvent/{eventName}?${query}`,
      terminatePostUri: `${instance}/terminate?reason={text}&${query}`,
      rewindPostUri: `${instance}/rewind?reason={text}&${query}`,
      purgeHistoryDeleteUri: `${instance}?${query}`,
      restartPostUri: `${instance}/restart?${query}`,
      suspendPostUri: `${instance}/suspend?reason={text}&${query}`,
      resumePostUri: `${instance}/resume?reason={text}&${query}`,
    },
    baseUrl: base,
    requiredQueryStringParameters: `code=${services.systemKey}`,
    rpcBaseUrl: `${services.origin.replace('localhost', '127.0.0.1')}${RPC}/`,
  };
}

export function checkStatusBody(
  services: Pick<DurableHostServices, 'origin' | 'hubName' | 'systemKey'>,
  origin: string,
  id: string,
) {
  const urls = clientBindingData({ ...services, origin }).managementUrls;
  const body: Record<string, string> = { id };
  for (const key of [
    'statusQueryGetUri',
    'sendEventPostUri',
    'terminatePostUri',
    'purgeHistoryDeleteUri',
    'restartPostUri',
    'suspendPostUri',
    'resumePostUri',
  ] as const) {
    body[key] = urls[key].replace('INSTANCEID', encodeURIComponent(id));
  }
  return body;
}
