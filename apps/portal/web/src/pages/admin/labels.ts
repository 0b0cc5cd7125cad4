import type { TFunction } from 'i18next';
import type { AdminUser, AuditEventView, AuditFilters, PortalRole } from './admin-api';

// Texts for the server's enumerations, each key written out so the i18n test can check it.

export const statusText = (t: TFunction, status: AdminUser['status']) =>
  ({
    active: t('admin.users.status.active'),
    blocked: t('admin.users.status.blocked'),
    pending_activation: t('admin.users.status.pending_activation'),
  })[status];

export const kindText = (t: TFunction, kind: AdminUser['kind']) =>
  ({
    individual: t('admin.users.kinds.individual'),
    legal_entity: t('admin.users.kinds.legal_entity'),
    certification_body: t('admin.users.kinds.certification_body'),
  })[kind];

export const roleText = (t: TFunction, role: PortalRole) =>
  ({
    admin: t('admin.users.role.admin'),
    moderator: t('admin.users.role.moderator'),
    operator: t('admin.users.role.operator'),
  })[role];

export const resultText = (t: TFunction, result: AuditEventView['result']) =>
  result === 'success' ? t('admin.audit.results.success') : t('admin.audit.results.failure');

export const filterLabel = (t: TFunction, name: keyof AuditFilters) =>
  ({
    actor: t('admin.audit.filters.actor'),
    organization: t('admin.audit.filters.organization'),
    action: t('admin.audit.filters.action'),
    from: t('admin.audit.filters.from'),
    to: t('admin.audit.filters.to'),
  })[name];
