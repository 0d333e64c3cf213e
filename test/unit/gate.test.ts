import { describe, expect, it } from 'vitest';
import { evaluateGate, type Review } from '../../src/action/gate.js';

const HEAD = 'h'.repeat(40);
const permissions = new Map([
  ['alice', 'write'],
  ['bob', 'write'],
  ['carol', 'read'],
  ['dave', 'admin'],
  ['erin', 'maintain'],
]);
const gate = (reviews: Review[], extra: Partial<Parameters<typeof evaluateGate>[0]> = {}) =>
  evaluateGate({
    reviews,
    permissions,
    author: 'alice',
    headSha: HEAD,
    approvers: [],
    required: 1,
    ...extra,
  });
const review = (user: string, state: string, commitId = HEAD): Review => ({ user, state, commitId });

describe('the approval gate', () => {
  it("counts a writer's approval of the head commit", () => {
    expect(gate([review('bob', 'APPROVED')])).toEqual({ approved: true, approvedBy: ['bob'], ignored: [] });
    expect(gate([review('dave', 'APPROVED')]).approved).toBe(true);
    expect(gate([review('erin', 'APPROVED')]).approved).toBe(true);
  });

  it('ignores the author, read-only users, older commits and dismissed approvals, and says why', () => {
    const decision = gate([
      review('alice', 'APPROVED'),
      review('carol', 'APPROVED'),
      review('dave', 'APPROVED', 'o'.repeat(40)),
      review('erin', 'APPROVED'),
      review('erin', 'DISMISSED'),
    ]);
    expect(decision.approved).toBe(false);
    expect(decision.ignored).toEqual([
      { user: 'alice', reason: 'authors cannot approve their own change' },
      { user: 'carol', reason: 'has read permission; write, maintain or admin is needed' },
      { user: 'dave', reason: 'approved an older commit (ooooooo)' },
      { user: 'erin', reason: 'the approval was dismissed' },
    ]);
  });

  it("takes each user's latest review, comments aside", () => {
    expect(gate([review('bob', 'APPROVED'), review('bob', 'COMMENTED')]).approved).toBe(true);
    expect(gate([review('bob', 'APPROVED'), review('bob', 'CHANGES_REQUESTED')]).approved).toBe(false);
    expect(gate([review('bob', 'CHANGES_REQUESTED'), review('bob', 'APPROVED')]).approved).toBe(true);
  });

  it('lets listed approvers approve whatever their permission, and counts required approvals', () => {
    expect(gate([review('carol', 'APPROVED')], { approvers: ['carol'] }).approved).toBe(true);
    expect(gate([review('bob', 'APPROVED')], { required: 2 }).approved).toBe(false);
    expect(gate([review('bob', 'APPROVED'), review('dave', 'APPROVED')], { required: 2 })).toMatchObject({
      approved: true,
      approvedBy: ['bob', 'dave'],
    });
    expect(gate([review('Bob', 'APPROVED')], { author: 'BOB' }).approved).toBe(false);
  });
});
