export { ContractChecker, type KeyContract } from '../config/contract-checker.js';
