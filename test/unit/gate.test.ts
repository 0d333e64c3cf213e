import { describe, expect, it } from 'vitest';
import { boundDigest, evaluateGate, type Announcement, type Review } from '../../src/action/gate.js';

const HEAD = 'h'.repeat(40);
const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;
const at = (second: number) => new Date(Date.UTC(2026, 10, 23, 10, 0, second)).toISOString();
const permissions = new Map([
  ['alice', 'write'],
  ['bob', 'write'],
  ['carol', 'read'],
  ['dave', 'admin'],
  ['erin', 'maintain'],
]);
/** D1 announced at second 0; reviews at second 10 unless said otherwise. */
const gate = (reviews: Review[], extra: Partial<Parameters<typeof evaluateGate>[0]> = {}) =>
  evaluateGate({
    digest: D1,
    announcements: [{ digest: D1, at: at(0) }],
    reviews,
    permissions,
    author: 'alice',
    headSha: HEAD,
    approvers: [],
    narrowedTo: [],
    required: 1,
    ...extra,
  });
const review = (user: string, state: string, second = 10, commitId = HEAD): Review => ({
  user,
  state,
  commitId,
  submittedAt: at(second),
});

describe('the approval gate', () => {
  it("counts a writer's approval of the plan announced on the head commit", () => {
    expect(gate([review('bob', 'APPROVED')])).toMatchObject({
      approved: true,
      approvedBy: ['bob'],
      ignored: [],
    });
    expect(gate([review('dave', 'APPROVED')]).approved).toBe(true);
    expect(gate([review('erin', 'APPROVED')]).approved).toBe(true);
  });

  it('ignores the author, read-only users, older commits and dismissed approvals, and says why', () => {
    const decision = gate([
      review('alice', 'APPROVED'),
      review('carol', 'APPROVED'),
      review('dave', 'APPROVED', 10, 'o'.repeat(40)),
      review('erin', 'APPROVED'),
      review('erin', 'DISMISSED'),
    ]);
    expect(decision.approved).toBe(false);
    expect(decision.ignored).toEqual([
      { user: 'alice', reason: 'authors cannot approve their own change' },
      { user: 'carol', reason: 'has read permission; write, maintain or admin is needed' },
      { user: 'dave', reason: 'approved an older commit (ooooooo)' },
      { user: 'erin', reason: 'the review was dismissed' },
    ]);
  });

  it("takes each user's latest review; a comment does not withdraw an approval", () => {
    expect(gate([review('bob', 'APPROVED'), review('bob', 'COMMENTED', 11)]).approved).toBe(true);
    expect(gate([review('bob', 'CHANGES_REQUESTED'), review('bob', 'APPROVED', 11)]).approved).toBe(true);
  });

  it('stays shut while any eligible reviewer requests changes, until they approve or are dismissed', () => {
    const same = gate([review('bob', 'APPROVED'), review('bob', 'CHANGES_REQUESTED', 11)]);
    expect(same).toMatchObject({ approved: false, changesRequestedBy: ['bob'] });
    const other = gate([review('bob', 'APPROVED'), review('dave', 'CHANGES_REQUESTED', 11)]);
    expect(other).toMatchObject({ approved: false, approvedBy: ['bob'], changesRequestedBy: ['dave'] });
    // A read-only user's request does not block (GitHub does not count it either).
    expect(gate([review('bob', 'APPROVED'), review('carol', 'CHANGES_REQUESTED')]).approved).toBe(true);
    const dismissed = gate([review('bob', 'APPROVED'), review('dave', 'DISMISSED', 11)]);
    expect(dismissed.approved).toBe(true);
  });

  it('binds an approval to the digest announced before it, and ends it when another is announced', () => {
    const reviews = [review('bob', 'APPROVED', 10)];
    // The plan changed (a live edit) and the new digest was announced after the approval.
    const replanned: Announcement[] = [
      { digest: D1, at: at(0) },
      { digest: D2, at: at(20) },
    ];
    expect(gate(reviews, { digest: D2, announcements: replanned })).toMatchObject({
      approved: false,
      ignored: [
        {
          user: 'bob',
          reason: `approved plan ${D1.slice(0, 19)}…, and a different plan was announced after the approval`,
        },
      ],
    });
    // Even if the old digest comes back, the approval stays dead.
    const back = [...replanned, { digest: D1, at: at(30) }];
    expect(gate(reviews, { announcements: back }).approved).toBe(false);
    // A digest never announced before the approval is not approved.
    expect(gate(reviews, { digest: D2 }).ignored[0]!.reason).toBe(
      `approved plan ${D1.slice(0, 19)}…, not this plan`,
    );
    expect(gate(reviews, { announcements: [] }).ignored[0]!.reason).toBe(
      'approved before any plan was announced on this commit',
    );
    expect(gate(reviews, { announcements: [{ digest: D1, at: at(11) }] }).approved).toBe(false);
    // Re-announcing the same digest (a re-run) keeps it.
    expect(
      gate(reviews, { announcements: [...replanned.slice(0, 1), { digest: D1, at: at(40) }] }).approved,
    ).toBe(true);
  });

  it('treats an announcement in the same second as the approval as both before and after it', () => {
    expect(boundDigest([{ digest: D1, at: at(10) }], at(10))).toEqual({ digest: D1, changedAfter: false });
    expect(
      boundDigest(
        [
          { digest: D1, at: at(5) },
          { digest: D2, at: at(10) },
        ],
        at(10),
      ),
    ).toEqual({ digest: D2, changedAfter: true });
    expect(boundDigest([{ digest: D1, at: at(5) }], 'not a time')).toEqual({
      digest: undefined,
      changedAfter: false,
    });
  });

  it("follows the policy's approvers, narrowed by the inputs, and counts required approvals", () => {
    expect(gate([review('carol', 'APPROVED')], { approvers: ['carol'] }).approved).toBe(true);
    expect(gate([review('bob', 'APPROVED')], { approvers: ['carol'] }).ignored[0]!.reason).toBe(
      "is not among the policy's approvers",
    );
    expect(gate([review('bob', 'APPROVED')], { narrowedTo: ['dave'] }).ignored[0]!.reason).toBe(
      'is not in the approvers input of this workflow',
    );
    // Narrowing never widens: a listed read-only user still cannot approve.
    expect(gate([review('carol', 'APPROVED')], { narrowedTo: ['carol'] }).approved).toBe(false);
    expect(gate([review('bob', 'APPROVED')], { required: 2 }).approved).toBe(false);
    expect(gate([review('bob', 'APPROVED'), review('dave', 'APPROVED')], { required: 2 })).toMatchObject({
      approved: true,
      approvedBy: ['bob', 'dave'],
    });
    expect(gate([review('Bob', 'APPROVED')], { author: 'BOB' }).approved).toBe(false);
    // Zero required approvals still needs one: the gate is only asked when an approval is needed.
    expect(gate([], { required: 0 }).approved).toBe(false);
  });

  it('lists every approval bound to the plan, eligible or not (for emergency overrides)', () => {
    const decision = gate([review('carol', 'APPROVED'), review('bob', 'APPROVED')]);
    expect(decision.boundApprovals).toEqual(['carol', 'bob']);
  });
});
