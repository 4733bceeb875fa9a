import { startHost } from './index';

/**
 * The host alone, as a process (tests SIGKILL it to prove crash safety):
 * ENCLAVE_APP_DIR, ENCLAVE_PORT, AzureWebJobsStorage, optional ENCLAVE_HUB_NAME (overrides host.json's task hub);
 * prints `Ready <url>` on stdout.
 */
async function main(): Promise<void> {
  const appDir = process.env.ENCLAVE_APP_DIR;
  const storage = process.env.AzureWebJobsStorage;
  if (!appDir || !storage) throw new Error('set ENCLAVE_APP_DIR and AzureWebJobsStorage');
  const host = await startHost({
    appDir,
    main: process.env.ENCLAVE_APP_MAIN,
    port: Number(process.env.ENCLAVE_PORT ?? 0),
    storageConnectionString: storage,
    hubName: process.env.ENCLAVE_HUB_NAME || undefined,
  });
  console.log(`Ready ${host.url}`);
  const stop = async () => {
    await host.stop(10_000);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
