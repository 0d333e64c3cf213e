/** Where a deploy failed after its first write; every kind triggers the rollback. */
export type FailurePhase = 'apply' | 'verify' | 'health' | 'interrupted';

/** A failure after the first write: the pipeline restores the backup when it sees one. */
export class DeployFailure extends Error {
  constructor(
    readonly phase: FailurePhase,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'DeployFailure';
  }
}
