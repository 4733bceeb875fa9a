import type { TableClient } from '@azure/data-tables';
import { type EndpointHealth, freshHealth } from './health';

/** The table that holds endpoint health between invocations and instances. */
export const MODEL_HEALTH_TABLE = 'modelhealth';

/** Where endpoint health lives between invocations and instances. */
export interface HealthStore {
  load(): Promise<Record<string, EndpointHealth>>;
  save(endpoint: string, health: EndpointHealth): Promise<void>;
}

export class MemoryHealthStore implements HealthStore {
  readonly states: Record<string, EndpointHealth> = {};
  async load() {
    return { ...this.states };
  }
  async save(endpoint: string, health: EndpointHealth) {
    this.states[endpoint] = health;
  }
}

/** One row per endpoint in an Azure Table (`modelhealth`), so every function instance sees the same breakers. */
export class TableHealthStore implements HealthStore {
  #ready: Promise<unknown> | undefined;
  constructor(private readonly table: TableClient) {}

  async load(): Promise<Record<string, EndpointHealth>> {
    this.#ready ??= this.table.createTable();
    await this.#ready;
    const states: Record<string, EndpointHealth> = {};
    for await (const row of this.table.listEntities<{ state: string }>({
      queryOptions: { filter: "PartitionKey eq 'health'" },
    })) {
      states[String(row.rowKey)] = { ...freshHealth(), ...(JSON.parse(row.state) as EndpointHealth) };
    }
    return states;
  }

  async save(endpoint: string, health: EndpointHealth): Promise<void> {
    this.#ready ??= this.table.createTable();
    await this.#ready;
    await this.table.upsertEntity(
      { partitionKey: 'health', rowKey: endpoint, state: JSON.stringify(health) },
      'Replace',
    );
  }
}
