/**
 * One plugin instance for the deploy-to-consistency benchmark, run as its own process
 * (`tsx bench/runtime-reader-process.ts '<json settings>'`). It reads every table through the
 * reader (Redis tier and purges), and prints one JSON line when it is ready and one each time a
 * new snapshot is installed (`get` serves it from then on). It exits when stdin closes.
 */
import { createConfigReader } from '../src/runtime/reader.js';

interface Settings {
  readonly tables: string[];
  readonly connection: { clientId: string; clientSecret: string; apiUrl: string };
  readonly redis: { url: string; keyPrefix: string; channel: string };
  readonly environment: string;
}

const settings = JSON.parse(process.argv[2] ?? '{}') as Settings;
const say = (line: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify(line)}\n`);

const reader = await createConfigReader({
  tables: Object.fromEntries(settings.tables.map((table) => [table, {}])),
  environment: settings.environment,
  connection: settings.connection,
  redis: settings.redis,
  metrics: false,
});
reader.onChange((table, change) => {
  // What get() now answers: the marker names the version the instance serves.
  say({ table, version: change.after.version, serves: reader.get(table, 'marker') });
});
await reader.ready();
say({ ready: true });
process.stdin.resume();
process.stdin.on('end', () => void reader.close().then(() => process.exit(0)));
