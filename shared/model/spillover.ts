/** Azure's own PTU spillover, as the response reports it. */
export interface Spillover {
  /** The provisioned deployment the request was sent to. */
  from: string;
  /** The standard deployment that answered (billed per token). */
  servedBy: string;
}

const PREFIX = 'x-ms-spillover-from-';

/**
 * Reads `x-ms-spillover-from-deployment: <ptu>` (with `x-ms-deployment-name: <standard>`), or the
 * `x-ms-spillover-from-<ptu>` form whose name carries the deployment.
 */
export function spilloverOf(headers: Headers): Spillover | undefined {
  let from: string | undefined;
  headers.forEach((value, name) => {
    if (from === undefined && name.startsWith(PREFIX))
      from = name === `${PREFIX}deployment` ? value : name.slice(PREFIX.length);
  });
  if (from === undefined) return undefined;
  return { from, servedBy: headers.get('x-ms-deployment-name') ?? `${from}:spillover` };
}
