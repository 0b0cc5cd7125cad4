import { AppError } from '../../server/errors';
import { labelParams } from './messages';

/**
 * The procedure of management-system certification as a transition table. Every status change goes through
 * `transition()`: an action not allowed from the current status, or by this actor, is 409
 * certification_transition_not_allowed before anything is written. docs/certification.md has the diagram.
 */
export const APPLICATION_STATUSES = [
  'draft',
  'signing',
  'submitted',
  'registered',
  'returned',
  'refused',
  'accepted',
  'contract_concluded',
  'audit_planned',
  'stage1_done',
  'stage2_done',
  'decision_positive',
  'decision_negative',
  'certificate_active',
  'certificate_suspended',
  'certificate_withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const ACTORS = ['applicant', 'body', 'moderator', 'system'] as const;
export type Actor = (typeof ACTORS)[number];

/** Acts of the body (and the moderator's return) — each signed; applicant actions are submit/unlock/sign. */
export const BODY_ACTIONS = [
  'register',
  'accept',
  'return',
  'refuse',
  'conclude_contract',
  'plan_audit',
  'stage1',
  'stage2',
  'decide',
  'issue_certificate',
  'surveillance',
  'suspend',
  'resume',
  'withdraw',
  'recertify',
] as const;
export type BodyAction = (typeof BODY_ACTIONS)[number];

export const APPLICANT_ACTIONS = ['create', 'submit', 'unlock', 'sign', 'complete_signing'] as const;
export type Action = BodyAction | (typeof APPLICANT_ACTIONS)[number];
export const ACTIONS: readonly Action[] = [...APPLICANT_ACTIONS, ...BODY_ACTIONS];

interface Rule {
  from: readonly ApplicationStatus[];
  /** The status after the act; a function when the payload decides (decision positive / negative). */
  to: ApplicationStatus | ((payload: Record<string, unknown>) => ApplicationStatus);
  by: readonly Actor[];
}

const CERTIFIED: readonly ApplicationStatus[] = ['certificate_active', 'certificate_suspended'];

export const TRANSITIONS: Record<Action, Rule> = {
  create: { from: [], to: 'draft', by: ['applicant'] },
  submit: { from: ['draft', 'returned'], to: 'signing', by: ['applicant'] },
  unlock: { from: ['signing'], to: 'draft', by: ['applicant'] },
  sign: { from: ['signing'], to: 'signing', by: ['applicant'] },
  complete_signing: { from: ['signing'], to: 'submitted', by: ['system'] },
  register: { from: ['submitted'], to: 'registered', by: ['body'] },
  accept: { from: ['registered'], to: 'accepted', by: ['body'] },
  return: { from: ['submitted', 'registered'], to: 'returned', by: ['body', 'moderator'] },
  refuse: { from: ['registered'], to: 'refused', by: ['body'] },
  conclude_contract: { from: ['accepted'], to: 'contract_concluded', by: ['body'] },
  plan_audit: { from: ['contract_concluded'], to: 'audit_planned', by: ['body'] },
  stage1: { from: ['audit_planned'], to: 'stage1_done', by: ['body'] },
  stage2: { from: ['stage1_done'], to: 'stage2_done', by: ['body'] },
  decide: {
    from: ['stage2_done'],
    to: (p) => (p.positive === true ? 'decision_positive' : 'decision_negative'),
    by: ['body'],
  },
  issue_certificate: { from: ['decision_positive'], to: 'certificate_active', by: ['body'] },
  surveillance: { from: ['certificate_active'], to: 'certificate_active', by: ['body'] },
  suspend: { from: ['certificate_active'], to: 'certificate_suspended', by: ['body'] },
  resume: { from: ['certificate_suspended'], to: 'certificate_active', by: ['body'] },
  withdraw: { from: CERTIFIED, to: 'certificate_withdrawn', by: ['body'] },
  recertify: { from: ['certificate_active'], to: 'certificate_active', by: ['body'] },
};

/** The list tab a status belongs to (ЧЕРНОВИКИ / ЗАЯВКИ НА РАССМОТРЕНИИ / АКТИВНЫЕ / ПРИОСТАНОВЛЕННЫЕ / closed). */
export const TAB_OF: Record<ApplicationStatus, Tab> = {
  draft: 'drafts',
  returned: 'drafts',
  signing: 'drafts',
  submitted: 'review',
  registered: 'review',
  accepted: 'review',
  contract_concluded: 'review',
  audit_planned: 'review',
  stage1_done: 'review',
  stage2_done: 'review',
  decision_positive: 'review',
  refused: 'closed',
  decision_negative: 'closed',
  certificate_active: 'active',
  certificate_suspended: 'suspended',
  certificate_withdrawn: 'closed',
};
export const TABS = ['active', 'review', 'suspended', 'drafts', 'closed'] as const;
export type Tab = (typeof TABS)[number];

/** Statuses the applicant may edit (draft, returned for revision). */
export const EDITABLE: readonly ApplicationStatus[] = ['draft', 'returned'];

/**
 * The status `action` by `actor` leads to from `status`, or 409 certification_transition_not_allowed naming
 * the action and the current status.
 */
export function transition(
  status: ApplicationStatus,
  action: Action,
  actor: Actor,
  payload: Record<string, unknown> = {},
): ApplicationStatus {
  const rule = TRANSITIONS[action];
  if (!rule?.from.includes(status) || !rule.by.includes(actor))
    throw new AppError(409, 'certification_transition_not_allowed', labelParams(status, action));
  return typeof rule.to === 'function' ? rule.to(payload) : rule.to;
}

/** Actions `actor` may take now (the UI shows these buttons). */
export const allowedActions = (status: ApplicationStatus, actor: Actor): Action[] =>
  ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status) && TRANSITIONS[a].by.includes(actor));
