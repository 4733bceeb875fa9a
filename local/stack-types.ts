/** A service the local stack runs beside the host (Azurite, the local model server, ...). */
export interface StackService {
  name: string;
  stop(): Promise<void>;
}

/**
 * Services started before the host, each returning app settings it contributes (e.g. model endpoints).
 * The local model server registers here (see local/model).
 */
export type StackStarter = (context: { dataDir: string; settings: Record<string, string> }) => Promise<{
  service: StackService;
  settings: Record<string, string>;
}>;
