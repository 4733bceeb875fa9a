import type { FunctionRow } from '../local/host/index';

export interface ListedFunction {
  name: string;
  /** The trigger binding's type as registered: httpTrigger, timerTrigger, orchestrationTrigger, ... */
  triggerType: string;
}

/**
 * The `Functions:` block in Core Tools' shape (DisplayFunctionsInfoUtilities.cs): HTTP functions first as
 * `\tname: [METHODS] url`, then `\tname: <triggerType>`, each followed by a blank line; disabled ones last.
 */
export function functionsList(functions: ListedFunction[], rows: FunctionRow[]): string[] {
  const row = (name: string) => rows.find((r) => r.name === name);
  const disabled = (f: ListedFunction) => row(f.name)?.detail === '(disabled)';
  const http = (f: ListedFunction) => f.triggerType.toLowerCase() === 'httptrigger';
  const lines = functions.some((f) => !disabled(f)) ? ['', 'Functions:', ''] : [];
  for (const f of functions.filter((f) => http(f) && !disabled(f)))
    lines.push(`\t${f.name}: ${row(f.name)?.detail}`, '');
  for (const f of functions.filter((f) => !http(f) && !disabled(f))) lines.push(`\t${f.name}: ${f.triggerType}`, '');
  for (const f of functions.filter(disabled)) lines.push(`Function ${f.name} is disabled.`);
  return lines;
}
