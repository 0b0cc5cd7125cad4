import type { Database } from '../db/client';
import type { AuditService } from '../modules/audit/service';
import type { DirectoryService } from '../modules/directories/service';
import type { EmailTokenService } from '../modules/email-tokens/service';
import type { EmployeeService } from '../modules/employees/service';
import type { FileService } from '../modules/files/service';
import type { IdentityService } from '../modules/identity/service';
import type { NotificationService } from '../modules/notifications/service';
import type { OrganizationService } from '../modules/organizations/service';
import type { DemoPki } from '../modules/pki/demo';
import type { RegistryService } from '../modules/registry/service';
import type { SignatureService } from '../modules/signatures/service';
import type { Config } from './config';

/** What route modules receive: configuration and the services of other modules. */
export interface AppContext {
  config: Config;
  database: Database;
  audit: AuditService;
  notifications: NotificationService;
  /** Accounts, passwords, sessions and the login lockout (docs/identity.md). */
  identity: IdentityService;
  /** Single-use tokens for mailed links: activation, recovery, email confirmation (modules/email-tokens). */
  emailTokens: EmailTokenService;
  /** The clock every time-dependent rule reads (sessions, lockout, expiries); tests inject their own. */
  now: () => Date;
  /** State registries (ГБД ФЛ / ГБД ЮЛ / mobile-citizen base): the embedded stand-in unless replaced. */
  registry: RegistryService;
  /** Reference data: countries, KATO, banks, classifiers; admin add/edit (docs/reference-data.md). */
  directories: DirectoryService;
  /** Signing requests and signature verification (docs/signatures.md). */
  signatures: SignatureService;
  /** Uploaded/generated documents: type by content, size limits, bytes by SHA-256 under DATA_DIR/files (docs/files.md). */
  files: FileService;
  /** Organisations (participants), their members and rights (docs/organizations.md). */
  organizations: OrganizationService;
  /** Employees of organisations: invitations, rights, blocking, membership requests (docs/employees.md). */
  employees: EmployeeService;
  /** DEMO mode: the test CA and built-in signer, once started (main.ts starts them after listening). */
  demoPki?: DemoPki;
}
