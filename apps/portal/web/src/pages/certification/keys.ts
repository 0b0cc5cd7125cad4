// Generated from the certification texts: every translation key of a code, as a literal the i18n test sees.
import type { TFunction } from 'i18next';

export const STATUS_KEYS = {
  draft: { labelKey: 'certification.status.draft' },
  signing: { labelKey: 'certification.status.signing' },
  returned: { labelKey: 'certification.status.returned' },
  submitted: { labelKey: 'certification.status.submitted' },
  registered: { labelKey: 'certification.status.registered' },
  accepted: { labelKey: 'certification.status.accepted' },
  contract_concluded: { labelKey: 'certification.status.contract_concluded' },
  audit_planned: { labelKey: 'certification.status.audit_planned' },
  stage1_done: { labelKey: 'certification.status.stage1_done' },
  stage2_done: { labelKey: 'certification.status.stage2_done' },
  decision_positive: { labelKey: 'certification.status.decision_positive' },
  certificate_active: { labelKey: 'certification.status.certificate_active' },
  certificate_suspended: { labelKey: 'certification.status.certificate_suspended' },
  refused: { labelKey: 'certification.status.refused' },
  decision_negative: { labelKey: 'certification.status.decision_negative' },
  certificate_withdrawn: { labelKey: 'certification.status.certificate_withdrawn' },
} as const;

export const CERTIFICATE_STATUS_KEYS = {
  active: { labelKey: 'certification.certificateStatus.active' },
  suspended: { labelKey: 'certification.certificateStatus.suspended' },
  withdrawn: { labelKey: 'certification.certificateStatus.withdrawn' },
  replaced: { labelKey: 'certification.certificateStatus.replaced' },
  expired: { labelKey: 'certification.certificateStatus.expired' },
} as const;

export const ACTION_KEYS = {
  create: { labelKey: 'certification.action.create' },
  update: { labelKey: 'certification.action.update' },
  submit: { labelKey: 'certification.action.submit' },
  unlock: { labelKey: 'certification.action.unlock' },
  sign: { labelKey: 'certification.action.sign' },
  complete_signing: { labelKey: 'certification.action.complete_signing' },
  register: { labelKey: 'certification.action.register' },
  accept: { labelKey: 'certification.action.accept' },
  return: { labelKey: 'certification.action.return' },
  refuse: { labelKey: 'certification.action.refuse' },
  conclude_contract: { labelKey: 'certification.action.conclude_contract' },
  plan_audit: { labelKey: 'certification.action.plan_audit' },
  stage1: { labelKey: 'certification.action.stage1' },
  stage2: { labelKey: 'certification.action.stage2' },
  decide: { labelKey: 'certification.action.decide' },
  issue_certificate: { labelKey: 'certification.action.issue_certificate' },
  surveillance: { labelKey: 'certification.action.surveillance' },
  suspend: { labelKey: 'certification.action.suspend' },
  resume: { labelKey: 'certification.action.resume' },
  withdraw: { labelKey: 'certification.action.withdraw' },
  recertify: { labelKey: 'certification.action.recertify' },
} as const;

export const COLUMN_KEYS = {
  number: { labelKey: 'certification.columns.number' },
  created: { labelKey: 'certification.columns.created' },
  bin: { labelKey: 'certification.columns.bin' },
  name: { labelKey: 'certification.columns.name' },
  status: { labelKey: 'certification.columns.status' },
  body: { labelKey: 'certification.columns.body' },
} as const;

export const TAB_KEYS = {
  active: { labelKey: 'certification.tabs.active' },
  review: { labelKey: 'certification.tabs.review' },
  suspended: { labelKey: 'certification.tabs.suspended' },
  drafts: { labelKey: 'certification.tabs.drafts' },
  closed: { labelKey: 'certification.tabs.closed' },
} as const;

export const FORM_TAB_KEYS = {
  applicant: { labelKey: 'certification.form.tabs.applicant' },
  address: { labelKey: 'certification.form.tabs.address' },
  body: { labelKey: 'certification.form.tabs.body' },
  additional: { labelKey: 'certification.form.tabs.additional' },
  scope: { labelKey: 'certification.form.tabs.scope' },
  documents: { labelKey: 'certification.form.tabs.documents' },
  note: { labelKey: 'certification.form.tabs.note' },
  moderator: { labelKey: 'certification.form.tabs.moderator' },
  timeline: { labelKey: 'certification.form.tabs.timeline' },
} as const;

export const FIELD_KEYS = {
  applicant_bin: { labelKey: 'certification.field.applicant_bin' },
  applicant_name: { labelKey: 'certification.field.applicant_name' },
  applicant_legalAddress: { labelKey: 'certification.field.applicant_legalAddress' },
  applicant_headFullName: { labelKey: 'certification.field.applicant_headFullName' },
  applicant_mobile: { labelKey: 'certification.field.applicant_mobile' },
  applicant_email: { labelKey: 'certification.field.applicant_email' },
  address_postalIndex: { labelKey: 'certification.field.address_postalIndex' },
  address_region: { labelKey: 'certification.field.address_region' },
  address_city: { labelKey: 'certification.field.address_city' },
  address_street: { labelKey: 'certification.field.address_street' },
  address_house: { labelKey: 'certification.field.address_house' },
  address_office: { labelKey: 'certification.field.address_office' },
  address_kato: { labelKey: 'certification.field.address_kato' },
  body_bodyBin: { labelKey: 'certification.field.body_bodyBin' },
  additional_contactPerson: { labelKey: 'certification.field.additional_contactPerson' },
  additional_contactPhone: { labelKey: 'certification.field.additional_contactPhone' },
  additional_contactEmail: { labelKey: 'certification.field.additional_contactEmail' },
  additional_website: { labelKey: 'certification.field.additional_website' },
  additional_previousCertificate: { labelKey: 'certification.field.additional_previousCertificate' },
  additional_info: { labelKey: 'certification.field.additional_info' },
  scope_standard: { labelKey: 'certification.field.scope_standard' },
  scope_scopeText: { labelKey: 'certification.field.scope_scopeText' },
  scope_headcount: { labelKey: 'certification.field.scope_headcount' },
  scope_oked: { labelKey: 'certification.field.scope_oked' },
  site_address: { labelKey: 'certification.field.site_address' },
  site_activity: { labelKey: 'certification.field.site_activity' },
  note: { labelKey: 'certification.field.note' },
} as const;

export const FIELD_ERROR_KEYS = {
  required: { labelKey: 'certification.fieldError.required' },
  invalid: { labelKey: 'certification.fieldError.invalid' },
  invalid_phone: { labelKey: 'certification.fieldError.invalid_phone' },
  invalid_email: { labelKey: 'certification.fieldError.invalid_email' },
  invalid_iin: { labelKey: 'certification.fieldError.invalid_iin' },
  certification_body_scope: { labelKey: 'certification.fieldError.certification_body_scope' },
  certification_body_not_accredited: {
    labelKey: 'certification.fieldError.certification_body_not_accredited',
  },
  certification_body_is_applicant: { labelKey: 'certification.fieldError.certification_body_is_applicant' },
  certification_report_unknown: { labelKey: 'certification.fieldError.certification_report_unknown' },
  certification_stage2_before_stage1: {
    labelKey: 'certification.fieldError.certification_stage2_before_stage1',
  },
  certification_signatory_mismatch: { labelKey: 'certification.fieldError.certification_signatory_mismatch' },
  certification_no_signatory_block: { labelKey: 'certification.fieldError.certification_no_signatory_block' },
  certification_valid_to_before_from: {
    labelKey: 'certification.fieldError.certification_valid_to_before_from',
  },
  certification_attestat_exists: { labelKey: 'certification.fieldError.certification_attestat_exists' },
  certification_capacity_self_not_head: {
    labelKey: 'certification.fieldError.certification_capacity_self_not_head',
  },
  certification_capacity_no_right: { labelKey: 'certification.fieldError.certification_capacity_no_right' },
} as const;

export const ACT_FIELD_KEYS = {
  journalNumber: { labelKey: 'certification.acts.fields.journalNumber' },
  comment: { labelKey: 'certification.acts.fields.comment' },
  reason: { labelKey: 'certification.acts.fields.reason' },
  contractNumber: { labelKey: 'certification.acts.fields.contractNumber' },
  contractDate: { labelKey: 'certification.acts.fields.contractDate' },
  analysisNote: { labelKey: 'certification.acts.fields.analysisNote' },
  team: { labelKey: 'certification.acts.fields.team' },
  stage1Date: { labelKey: 'certification.acts.fields.stage1Date' },
  stage2Date: { labelKey: 'certification.acts.fields.stage2Date' },
  date: { labelKey: 'certification.acts.fields.date' },
  summary: { labelKey: 'certification.acts.fields.summary' },
  reportDocumentIds: { labelKey: 'certification.acts.fields.reportDocumentIds' },
  nonconformities: { labelKey: 'certification.acts.fields.nonconformities' },
  positive: { labelKey: 'certification.acts.fields.positive' },
  scope: { labelKey: 'certification.acts.fields.scope' },
} as const;

export const AUDITOR_ROLE_KEYS = {
  lead: { labelKey: 'certification.acts.roles.lead' },
  auditor: { labelKey: 'certification.acts.roles.auditor' },
  expert: { labelKey: 'certification.acts.roles.expert' },
} as const;

export const NONCONFORMITY_KEYS = {
  major: { labelKey: 'certification.acts.categories.major' },
  minor: { labelKey: 'certification.acts.categories.minor' },
} as const;

export const REGISTRY_FILTER_KEYS = {
  number: { labelKey: 'certification.registry.filters.number' },
  bin: { labelKey: 'certification.registry.filters.bin' },
  organization: { labelKey: 'certification.registry.filters.organization' },
  standard: { labelKey: 'certification.registry.filters.standard' },
  body: { labelKey: 'certification.registry.filters.body' },
  status: { labelKey: 'certification.registry.filters.status' },
} as const;

export const ACCREDITATION_FIELD_KEYS = {
  bodyBin: { labelKey: 'certification.accreditations.fields.bodyBin' },
  bodyNameRu: { labelKey: 'certification.accreditations.fields.bodyNameRu' },
  bodyNameKk: { labelKey: 'certification.accreditations.fields.bodyNameKk' },
  attestatNumber: { labelKey: 'certification.accreditations.fields.attestatNumber' },
  validFrom: { labelKey: 'certification.accreditations.fields.validFrom' },
  validTo: { labelKey: 'certification.accreditations.fields.validTo' },
  validity: { labelKey: 'certification.accreditations.fields.validity' },
  standards: { labelKey: 'certification.accreditations.fields.standards' },
  status: { labelKey: 'certification.accreditations.fields.status' },
} as const;

export const ACCREDITATION_STATUS_KEYS = {
  active: { labelKey: 'certification.accreditations.status.active' },
  revoked: { labelKey: 'certification.accreditations.status.revoked' },
} as const;

export const SIGNATORY_COLUMNS = [
  { column: 'plannedName', labelKey: 'certification.signatories.plannedName' },
  { column: 'signedAt', labelKey: 'certification.signatories.signedAt' },
  { column: 'comment', labelKey: 'certification.signatories.comment' },
  { column: 'certName', labelKey: 'certification.signatories.certName' },
  { column: 'email', labelKey: 'certification.signatories.email' },
  { column: 'iin', labelKey: 'certification.signatories.iin' },
  { column: 'validFrom', labelKey: 'certification.signatories.validFrom' },
  { column: 'validTo', labelKey: 'certification.signatories.validTo' },
  { column: 'bin', labelKey: 'certification.signatories.bin' },
  { column: 'organization', labelKey: 'certification.signatories.organization' },
  { column: 'action', labelKey: 'certification.signatories.action' },
  { column: 'issuer', labelKey: 'certification.signatories.issuer' },
] as const;

type KeyMap = Record<string, { labelKey: string }>;

/** The text of `code` in `map`, else the code itself (a status the web app does not know yet). */
export function labelOf(t: TFunction, map: KeyMap, code: string): string {
  const entry = Object.hasOwn(map, code) ? map[code] : undefined;
  // The keys are literals of the maps above (checked by the i18n test), so the cast loses nothing.
  return entry ? (t as unknown as (key: string) => string)(entry.labelKey) : code;
}
