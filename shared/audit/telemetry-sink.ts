import type { AuditRecord, AuditSink } from './records';

/**
 * On Azure the same records also reach Azure Monitor as custom events through OpenTelemetry. Loaded only when
 * Application Insights is configured, so local runs start no exporter.
 */
export async function telemetrySink(connectionString: string): Promise<AuditSink> {
  const { useAzureMonitor } = await import('@azure/monitor-opentelemetry');
  useAzureMonitor({ azureMonitorExporterOptions: { connectionString } });
  const { logs } = await import('@opentelemetry/api-logs');
  const logger = logs.getLogger('enclave-audit');
  return {
    async append(record: AuditRecord) {
      logger.emit({
        body: record.kind,
        attributes: { 'microsoft.custom_event.name': `EnclaveAudit.${record.kind}`, ...flatten(record) },
      });
    },
  };
}

function flatten(record: AuditRecord): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    out[key] = typeof value === 'object' ? JSON.stringify(value) : (value as string | number | boolean);
  }
  return out;
}

/** Writes to every sink; the durable chain first, so telemetry never holds up or replaces it. */
export function fanOut(primary: AuditSink, ...others: AuditSink[]): AuditSink {
  return {
    async append(record) {
      await primary.append(record);
      await Promise.all(others.map((s) => s.append(record).catch(() => {})));
    },
  };
}
