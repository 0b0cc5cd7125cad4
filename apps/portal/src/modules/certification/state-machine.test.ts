import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors';
import {
  ACTIONS,
  ACTORS,
  APPLICATION_STATUSES,
  allowedActions,
  EDITABLE,
  TAB_OF,
  TRANSITIONS,
  transition,
} from './state-machine';

/** The table written out as expected pairs (action, from, actor) → to: the test is the specification. */
const LEGAL: [string, string, string, string][] = [
  ['submit', 'draft', 'applicant', 'signing'],
  ['submit', 'returned', 'applicant', 'signing'],
  ['unlock', 'signing', 'applicant', 'draft'],
  ['sign', 'signing', 'applicant', 'signing'],
  ['complete_signing', 'signing', 'system', 'submitted'],
  ['register', 'submitted', 'body', 'registered'],
  ['accept', 'registered', 'body', 'accepted'],
  ['return', 'submitted', 'body', 'returned'],
  ['return', 'registered', 'body', 'returned'],
  ['return', 'submitted', 'moderator', 'returned'],
  ['return', 'registered', 'moderator', 'returned'],
  ['refuse', 'registered', 'body', 'refused'],
  ['conclude_contract', 'accepted', 'body', 'contract_concluded'],
  ['plan_audit', 'contract_concluded', 'body', 'audit_planned'],
  ['stage1', 'audit_planned', 'body', 'stage1_done'],
  ['stage2', 'stage1_done', 'body', 'stage2_done'],
  ['decide', 'stage2_done', 'body', 'decision_positive'],
  ['issue_certificate', 'decision_positive', 'body', 'certificate_active'],
  ['surveillance', 'certificate_active', 'body', 'certificate_active'],
  ['suspend', 'certificate_active', 'body', 'certificate_suspended'],
  ['resume', 'certificate_suspended', 'body', 'certificate_active'],
  ['withdraw', 'certificate_active', 'body', 'certificate_withdrawn'],
  ['withdraw', 'certificate_suspended', 'body', 'certificate_withdrawn'],
  ['recertify', 'certificate_active', 'body', 'certificate_active'],
];

describe('certification state machine', () => {
  it('allows exactly the transitions of the table, to the expected status', () => {
    for (const [action, from, actor, to] of LEGAL)
      expect(transition(from as never, action as never, actor as never, { positive: true })).toBe(to);
  });

  it('refuses every other (status, action, actor) with 409 certification_transition_not_allowed naming both', () => {
    let refused = 0;
    for (const status of APPLICATION_STATUSES)
      for (const action of ACTIONS)
        for (const actor of ACTORS) {
          if (LEGAL.some(([a, f, r]) => a === action && f === status && r === actor)) continue;
          let error: unknown;
          try {
            transition(status, action, actor);
          } catch (e) {
            error = e;
          }
          expect(error, `${actor} ${action} from ${status}`).toBeInstanceOf(AppError);
          expect(error).toMatchObject({
            status: 409,
            code: 'certification_transition_not_allowed',
            params: { action, status },
          });
          refused += 1;
        }
    expect(refused).toBe(APPLICATION_STATUSES.length * ACTIONS.length * ACTORS.length - LEGAL.length);
  });

  it('the decision goes by the payload: negative unless positive is true', () => {
    expect(transition('stage2_done', 'decide', 'body', { positive: false })).toBe('decision_negative');
    expect(transition('stage2_done', 'decide', 'body', {})).toBe('decision_negative');
  });

  it('the table has a rule per action, every status a tab, and the seed tabs hold the right statuses', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ACTIONS].sort());
    for (const s of APPLICATION_STATUSES) expect(TAB_OF[s]).toBeDefined();
    expect(TAB_OF.certificate_active).toBe('active');
    expect(TAB_OF.certificate_suspended).toBe('suspended');
    expect(TAB_OF.draft).toBe('drafts');
    expect(TAB_OF.returned).toBe('drafts');
    expect(TAB_OF.submitted).toBe('review');
    expect(EDITABLE).toEqual(['draft', 'returned']);
  });

  it('allowedActions lists what the role may do now', () => {
    expect(allowedActions('submitted', 'body')).toEqual(['register', 'return']);
    expect(allowedActions('submitted', 'moderator')).toEqual(['return']);
    expect(allowedActions('certificate_active', 'body')).toEqual([
      'surveillance',
      'suspend',
      'withdraw',
      'recertify',
    ]);
    expect(allowedActions('draft', 'applicant')).toEqual(['submit']);
    expect(allowedActions('certificate_withdrawn', 'body')).toEqual([]);
  });
});
