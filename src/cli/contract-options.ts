import { DEFAULT_CONTRACTS_GLOB } from '../config/contracts.js';

export const CONTRACTS_OPTION = { contracts: { type: 'string', multiple: true } } as const;

export const CONTRACTS_HELP = `  --contracts GLOB       consumer contracts to check the configs against (repeatable;
                         default ${DEFAULT_CONTRACTS_GLOB}
                         when there are any); see docs/contracts.md`;
