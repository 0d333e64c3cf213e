import { deployToConsistency } from './runtime-consistency.js';
import { fleetApiCalls } from './runtime-fleet.js';
import { getLatency } from './runtime-get.js';
import { readerRestart } from './runtime-restart.js';

/**
 * The runtime reader's figures (issue #12): `get` from memory against Map.get; a restart from a
 * warm Redis against a cold start from the emulator; API calls per minute for 20 instances ×
 * 10 tables against naive polling; deploy-to-consistency across 10 reader processes. Real
 * redis-server, the emulator, the relay; measured and printed, never asserted.
 */
export async function runtimeReader(): Promise<Record<string, Record<string, number | string>>> {
  return {
    get: await getLatency(),
    restart: await readerRestart(),
    apiCalls: await fleetApiCalls(),
    deployToConsistency: await deployToConsistency(),
  };
}
