import { loadConfig, type LoadedConfig } from '../../src/config/load.js';
import type { TableConfig } from '../../src/config/types.js';

/** Loads YAML text as a config file named `t.yaml`. */
export function load(text: string): LoadedConfig {
  return loadConfig('t.yaml', Buffer.from(text));
}

/** Loads YAML text that must be valid, and returns its config. */
export function loadValid(text: string): TableConfig {
  const loaded = load(text);
  if (loaded.findings.length > 0 || !loaded.config) {
    throw new Error(
      `expected a valid config, got: ${loaded.findings.map((item) => `${item.rule} ${item.line}:${item.column} ${item.message}`).join('; ')}`,
    );
  }
  return loaded.config;
}

/** Just the parts of findings that tests compare. */
export const brief = (loaded: LoadedConfig) =>
  loaded.findings.map(({ severity, rule, line, column }) => ({ severity, rule, line, column }));

/** A config without source positions and file name, to compare two loads. */
export function withoutPositions(config: TableConfig): unknown {
  return JSON.parse(
    JSON.stringify({ ...config, file: undefined, position: undefined }, (name, value) =>
      name === 'position' || name === 'cellPositions' ? undefined : value,
    ),
  );
}
