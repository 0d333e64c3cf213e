// The checker is shared with validate (consumer contracts at validate and plan time), so it
// lives in src/config, which must not import src/runtime.
export { ContractChecker, type KeyContract } from '../config/contract-checker.js';
