import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../src/cli/options.js';
import { ConfigurationError } from '../../src/errors.js';

/** Argument errors name the option and say what to do, instead of parseArgs's own texts. */
const OPTIONS = { 'rate-limit': { type: 'string' }, 'detailed-exitcode': { type: 'boolean' } } as const;
const refusal = (args: string[]) => {
  try {
    parseOptions('plan', args, OPTIONS);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).describe();
  }
  throw new Error('not refused');
};

describe('CLI argument errors', () => {
  it('suggests the option a typo was meant to be', () => {
    expect(refusal(['--detailed-exit-code'])).toContain(
      'there is no option --detailed-exit-code; did you mean --detailed-exitcode?',
    );
  });

  it('says there is no such option when nothing is close', () => {
    expect(refusal(['--completely-different'])).toContain('there is no option --completely-different.');
  });

  it('names the value a negative number was taken for', () => {
    expect(refusal(['--rate-limit', '-5'])).toContain('--rate-limit got "-5", which is not a value it takes');
  });
});
